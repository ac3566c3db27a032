# Locates the LibreOffice SDK (Debian: libreoffice-dev) and wraps its tools.
#
#   include(LibreOfficeSDK)
#   lo_sdk_idl_to_rdb(OUTPUT <file.rdb> IDL_ROOT <dir> [DEPENDS ...])
#   lo_sdk_cppumaker(TARGET <name> OUTPUT_DIR <dir> OWN_RDB <file.rdb>)
#
# Defines the INTERFACE target LibreOffice::UNO (SDK headers, generated headers are added by
# lo_sdk_cppumaker's target, defines, the URE libraries).
# Variables: LO_HOME, LO_SDK, LO_PROGRAM, LO_URE_TYPES, LO_OFFICE_TYPES, LO_UNOIDL_WRITE,
# LO_CPPUMAKER, LO_SOFFICE, LO_UNOPKG, LO_PLATFORM (e.g. Linux_x86_64), LO_PLATFORM_LC.
include_guard(GLOBAL)

set(LO_HOME "/usr/lib/libreoffice" CACHE PATH "LibreOffice installation (program/, sdk/)")
set(LO_SDK "${LO_HOME}/sdk" CACHE PATH "LibreOffice SDK")
set(LO_PROGRAM "${LO_HOME}/program")
set(LO_URE_TYPES "${LO_PROGRAM}/types.rdb")
set(LO_OFFICE_TYPES "${LO_PROGRAM}/types/offapi.rdb")

find_program(LO_UNOIDL_WRITE unoidl-write HINTS "${LO_SDK}/bin" NO_DEFAULT_PATH)
find_program(LO_CPPUMAKER cppumaker HINTS "${LO_SDK}/bin" NO_DEFAULT_PATH)
find_program(LO_SOFFICE soffice HINTS "${LO_PROGRAM}" /usr/bin)
find_program(LO_UNOPKG unopkg HINTS "${LO_PROGRAM}" /usr/bin)
if(NOT LO_UNOIDL_WRITE OR NOT LO_CPPUMAKER OR NOT EXISTS "${LO_SDK}/include/cppuhelper/implbase1.hxx"
   OR NOT EXISTS "${LO_URE_TYPES}" OR NOT EXISTS "${LO_OFFICE_TYPES}")
  message(FATAL_ERROR "LibreOffice SDK not found under ${LO_SDK} (install libreoffice-dev), "
                      "or set LO_HOME / LO_SDK, or configure with -DOGI_BUILD_EXTENSION=OFF")
endif()

if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64|amd64")
  set(LO_PLATFORM "Linux_x86_64")
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "aarch64|arm64")
  set(LO_PLATFORM "Linux_aarch64")
else()
  set(LO_PLATFORM "Linux_${CMAKE_SYSTEM_PROCESSOR}")
endif()
string(TOLOWER "${LO_PLATFORM}" LO_PLATFORM_LC)

if(NOT TARGET LibreOffice::UNO)
  add_library(lo_uno INTERFACE)
  add_library(LibreOffice::UNO ALIAS lo_uno)
  target_include_directories(lo_uno SYSTEM INTERFACE "${LO_SDK}/include")
  # CPPU_ENV is mandatory (uno/lbnames.h), LINUX for osl/endian.h. No LIBO_INTERNAL_ONLY:
  # the SDK does not ship config_global.h.
  target_compile_definitions(lo_uno INTERFACE LINUX UNX GCC CPPU_ENV=gcc3)
  target_link_directories(lo_uno INTERFACE "${LO_SDK}/lib")
  target_link_libraries(lo_uno INTERFACE uno_cppuhelpergcc3 uno_cppu uno_sal)
endif()

# Compiles the IDL tree under IDL_ROOT (one entity per file) into a types .rdb.
function(lo_sdk_idl_to_rdb)
  cmake_parse_arguments(A "" "OUTPUT;IDL_ROOT" "" ${ARGN})
  file(GLOB_RECURSE idl_files CONFIGURE_DEPENDS "${A_IDL_ROOT}/*.idl")
  # Absolute paths only (pitfall: relative paths fail in unoidl-write/cppumaker).
  get_filename_component(out "${A_OUTPUT}" ABSOLUTE)
  get_filename_component(root "${A_IDL_ROOT}" ABSOLUTE)
  add_custom_command(OUTPUT "${out}"
    COMMAND "${LO_UNOIDL_WRITE}" "${LO_URE_TYPES}" "${LO_OFFICE_TYPES}" "${root}" "${out}"
    DEPENDS ${idl_files}
    COMMENT "unoidl-write ${root} -> ${out}"
    VERBATIM)
endfunction()

# Generates C++ headers for the office types and (comprehensively, -C) for OWN_RDB into
# OUTPUT_DIR; TARGET is a custom target that other targets add_dependencies() on.
function(lo_sdk_cppumaker)
  cmake_parse_arguments(A "" "TARGET;OUTPUT_DIR;OWN_RDB" "" ${ARGN})
  set(inc "${A_OUTPUT_DIR}")
  add_custom_command(OUTPUT "${inc}/office_types.stamp"
    COMMAND "${LO_CPPUMAKER}" -Gc "-O${inc}" "${LO_URE_TYPES}" "${LO_OFFICE_TYPES}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${inc}/office_types.stamp"
    DEPENDS "${LO_URE_TYPES}" "${LO_OFFICE_TYPES}"
    COMMENT "cppumaker: office types"
    VERBATIM)
  add_custom_command(OUTPUT "${inc}/own_types.stamp"
    COMMAND "${LO_CPPUMAKER}" -Gc -C "-O${inc}" "${A_OWN_RDB}" -X "${LO_URE_TYPES}" -X "${LO_OFFICE_TYPES}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${inc}/own_types.stamp"
    DEPENDS "${A_OWN_RDB}"
    COMMENT "cppumaker: own types"
    VERBATIM)
  add_custom_target(${A_TARGET} DEPENDS "${inc}/office_types.stamp" "${inc}/own_types.stamp")
endfunction()
