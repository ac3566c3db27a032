# The Insert Template submenu of Addons.xcu (issue 10.4), generated from the data at configure
# time: the entries and their groups from formats.json's "menu", each entry's title from every
# message catalog's "menu.<template id>" (a new language is a new catalog: its titles appear
# here too). Node names t01, t02, … with a separator "tNNs" after each group but the last,
# as the hand-written menu had them. CMake re-runs when formats.json or a catalog changes.
#
#   ogi_template_menu(<out-var> FORMATS <formats.json> CATALOGS <lang.json>… PROTOCOL <url prefix>
#                     CONTEXT <document services> INDENT <spaces>)
function(ogi_template_menu out)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "FORMATS;PROTOCOL;CONTEXT;INDENT" "CATALOGS")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${arg_FORMATS}" ${arg_CATALOGS})
  file(READ "${arg_FORMATS}" formats)
  # the catalogs, as (language, text) pairs
  set(languages)
  foreach(catalog IN LISTS arg_CATALOGS)
    file(READ "${catalog}" text)
    string(JSON lang ERROR_VARIABLE err GET "${text}" language)
    if(err)
      message(FATAL_ERROR "${catalog}: no \"language\" (${err})")
    endif()
    list(APPEND languages "${lang}")
    set(catalog_${lang} "${text}")
    set(file_${lang} "${catalog}")
  endforeach()
  set(i "${arg_INDENT}")
  set(xml "")
  string(JSON groups ERROR_VARIABLE err LENGTH "${formats}" menu)
  if(err)
    message(FATAL_ERROR "${arg_FORMATS}: no \"menu\" (${err})")
  endif()
  set(n 0)
  math(EXPR last_group "${groups} - 1")
  foreach(g RANGE ${last_group})
    string(JSON entries LENGTH "${formats}" menu ${g})
    math(EXPR last_entry "${entries} - 1")
    foreach(e RANGE ${last_entry})
      string(JSON id GET "${formats}" menu ${g} ${e})
      math(EXPR n "${n} + 1")
      if(n LESS 10)
        set(node "t0${n}")
      else()
        set(node "t${n}")
      endif()
      set(titles "")
      foreach(lang IN LISTS languages)
        string(JSON title ERROR_VARIABLE err GET "${catalog_${lang}}" messages "menu.${id}")
        if(err)
          message(FATAL_ERROR "${file_${lang}}: no message \"menu.${id}\" (the menu of ${arg_FORMATS} has ${id})")
        endif()
        string(REPLACE "&" "&amp;" title "${title}")
        string(REPLACE "<" "&lt;" title "${title}")
        string(REPLACE ">" "&gt;" title "${title}")
        string(APPEND titles "<value xml:lang=\"${lang}\">${title}</value>")
      endforeach()
      string(APPEND xml
        "${i}<node oor:name=\"${node}\" oor:op=\"replace\">\n"
        "${i}  <prop oor:name=\"URL\" oor:type=\"xs:string\"><value>${arg_PROTOCOL}InsertTemplate?Template=${id}</value></prop>\n"
        "${i}  <prop oor:name=\"Title\" oor:type=\"xs:string\">${titles}</prop>\n"
        "${i}  <prop oor:name=\"Target\" oor:type=\"xs:string\"><value>_self</value></prop>\n"
        "${i}  <prop oor:name=\"Context\" oor:type=\"xs:string\"><value>${arg_CONTEXT}</value></prop>\n"
        "${i}</node>\n")
    endforeach()
    if(g LESS last_group)
      string(APPEND xml
        "${i}<node oor:name=\"${node}s\" oor:op=\"replace\">\n"
        "${i}  <prop oor:name=\"URL\" oor:type=\"xs:string\"><value>private:separator</value></prop>\n"
        "${i}</node>\n")
    endif()
  endforeach()
  string(REGEX REPLACE "\n$" "" xml "${xml}")
  set(${out} "${xml}" PARENT_SCOPE)
endfunction()
