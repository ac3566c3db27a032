"""What the integration suites share: the environment ctest gives them, the fixtures and what
each must produce (fixtures/README.md), and the one office a test module runs.

    from suite import EXPECTED, FIXTURES, PROTOCOL, ModuleOffice, fixtures, stem
    office = ModuleOffice()
    setUpModule, tearDownModule = office.start, office.stop
"""
import glob
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
from ogicheck.office import Office  # noqa: E402

import docstate  # noqa: E402

OXT = os.environ["OGI_OXT"]
FIXTURES = os.environ["OGI_FIXTURES"]
WORKDIR = os.environ["OGI_WORKDIR"]
# The profile with the .oxt installed and docstate's macro, made once for all suites by the ctest
# fixture integration.profile (provision.py); unset (a suite run by hand): each office installs.
PROFILE = os.environ.get("OGI_PROFILE")
PROTOCOL = "vnd.org.ogi.reportchecker:"
OFFICE_FORMATS = (".odt", ".docx", ".doc", ".ods", ".xlsx")

# What each seed must produce (fixtures/README.md): (rule, severity, template key) that must
# be present (None: any); HARD rules (errors) must be absent everywhere except where listed;
# "nothing": no report table and no finding at all. The fixtures' narrative is shortened
# (fixtures/README.md): seed 001's section 五 reads only "(略)", which S-5 reports as an empty
# section — a document-level warning, no cell — so seed 001 allows exactly that warning.
EXPECTED = {
    "seed000-jiangsu-2017-old": {"must": [("B-11", "info", None)], "no_errors": True, "no_warnings": True},
    "seed001-zhangzhou-2019": {"must": [("S-5", "warning", "")], "no_errors": True, "warnings": ["S-5"]},
    "seed002-dongyang-2017-old": {"must": [("B-12", "warning", "B03")], "no_errors": True},
    "seed003-shanghai-2017-plan": {"must": [], "nothing": True},
    # blank B06, B56, B57: one S-3 for the table, on its first blank cell, naming all three
    "seed004-jinfeng-2017-old": {"must": [("B-9", "warning", "B02"), ("S-3", "warning", "B06")],
                                 "blank_cells": ["B06", "B56", "B57"], "no_errors": True},
}


def fixtures(formats=OFFICE_FORMATS):
    """The fixture documents in these formats, sorted. None at all is an error, not a pass: a test
    looping over them would assert nothing (a missing or empty ../shared/fixtures)."""
    files = sorted(glob.glob(os.path.join(FIXTURES, "seed*.*")))
    found = [f for f in files if os.path.splitext(f)[1] in formats]
    if not found:
        raise AssertionError("no fixtures %s in %s" % ("/".join(formats), FIXTURES))
    return found



def launcher(name):
    """A stand-in for the desktop's browser, for the office's SystemShellExecute (it runs
    $DESKTOP_LAUNCH with the URL): appends the URL to <launcher>.log, in a folder of its own the
    unprivileged office may write. Returns the launcher's path."""
    folder = os.path.join(WORKDIR, "launch-" + name)
    os.makedirs(folder, exist_ok=True)
    os.chmod(folder, 0o777)
    path = os.path.join(folder, "launch")
    if os.path.exists(path + ".log"):
        os.remove(path + ".log")
    with open(path, "w") as f:
        f.write('#!/bin/sh\nprintf "%s\\n" "$1" >> "$0.log"\n')
    os.chmod(path, 0o755)
    return path

def stem(path):
    return os.path.splitext(os.path.basename(path))[0]


def close_quietly(doc):
    """Closes a document in a test's clean-up; one that is already gone is fine."""
    try:
        doc.close(True)
    except Exception:
        pass


def suite_office(workdir, ui_locale=None):
    """A started office with the .oxt and docstate's macro: on a copy of the shared profile, or
    (no OGI_PROFILE) installed into a profile of its own."""
    if PROFILE:
        return Office(OXT, workdir, ui_locale=ui_locale, from_profile=PROFILE).__enter__()
    office = Office(OXT, workdir, ui_locale=ui_locale).__enter__()
    docstate.install(office.profile)
    return office


class ModuleOffice:
    """The office of one test module (a headless soffice with the .oxt installed, on a throwaway
    profile under WORKDIR/<name>, see suite_office): started by setUpModule, stopped by
    tearDownModule; attributes are the running Office's."""

    def __init__(self, name="office", ui_locale=None, **environment):
        self._name = name
        self._ui_locale = ui_locale
        self._environment = environment
        self._office = None

    def start(self):
        saved = {k: os.environ.get(k) for k in self._environment}
        os.environ.update(self._environment)    # inherited by the soffice process only
        try:
            self._office = suite_office(os.path.join(WORKDIR, self._name), ui_locale=self._ui_locale)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    def stop(self):
        if self._office is not None:
            self._office.stop()
            self._office = None

    def __getattr__(self, name):
        if self._office is None:
            raise RuntimeError("the office of this module is not running")
        return getattr(self._office, name)
