"""Where things are: repository, build tree, .oxt, our .rdb."""
import os

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
LO_HOME = os.environ.get("OGI_LO_HOME", "/usr/lib/libreoffice")
UNO_PYTHON = "/usr/bin/python3"  # python3-uno lives in the system python (recipe pitfall 12)

def build_dir():
    return os.path.abspath(os.environ.get("OGI_BUILD_DIR", os.path.join(REPO, "build")))


def oxt_path():
    return os.path.abspath(os.environ.get("OGI_OXT", os.path.join(build_dir(), "ogi-report-checker.oxt")))


def types_rdb():
    return os.path.abspath(os.environ.get("OGI_TYPES_RDB",
                                          os.path.join(build_dir(), "src", "uno", "ogireportchecker.rdb")))


def state_dir():
    """Private state of ogi-check (profile template, per-run worker directories)."""
    return os.path.abspath(os.environ.get("OGI_CHECK_STATE", os.path.join(build_dir(), "ogi-check")))


def default_samples():
    return os.path.abspath(os.environ.get("OGI_FIXTURES", os.path.join(REPO, "..", "shared", "fixtures")))


def uno_env(base=None):
    """Environment for a process that imports uno and calls our interface (recipe §2.4)."""
    env = dict(os.environ if base is None else base)
    env["URE_MORE_TYPES"] = "<file://%s/program/types>* file://%s" % (LO_HOME, types_rdb())
    tools = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = os.pathsep.join([tools] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    return env
