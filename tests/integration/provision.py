"""The ctest fixture integration.profile: one office profile for all office suites, made once.

`unopkg add` of the .oxt into a fresh profile, one start of the office (so that the profile is
complete and the service is there), then docstate's macro (docstate.install). The suites start
their offices on copies of it (suite.suite_office: Office(from_profile=OGI_PROFILE)) instead of each running
unopkg and a first start. test_package.py still installs into a clean profile of its own.

    provision.py PROFILE_DIR      (environment as the suites': OGI_OXT, URE_MORE_TYPES)
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))

import docstate  # noqa: E402
from ogicheck.office import Office  # noqa: E402


def main(target):
    target = os.path.abspath(target)
    shutil.rmtree(target, ignore_errors=True)
    office = Office(os.environ["OGI_OXT"], os.path.join(os.path.dirname(target), "provision"))
    try:
        office.start()
        if office.checker() is None:
            raise RuntimeError("org.ogi.reportchecker.ReportChecker is not available after unopkg add")
    finally:
        office.stop()
    lock = os.path.join(office.profile, ".lock")  # an office lock must not travel with the copies
    if os.path.exists(lock):
        os.remove(lock)
    docstate.install(office.profile)
    # The office may have run in a directory under /tmp (a build tree `nobody` cannot reach): the
    # profile is kept where the suites look for it, they copy it and hand the copy to `nobody`.
    shutil.copytree(office.profile, target, symlinks=True)
    shutil.rmtree(office.workdir, ignore_errors=True)
    print("profile:", target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
