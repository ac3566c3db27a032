"""A headless LibreOffice with the built .oxt installed, in a private profile: ogi-check's office
(session.py) and the integration tests' (they import it from here, tools/ogicheck/office.py).

Usage:
    with Office(oxt, workdir) as office:
        doc = office.load(path)            # hidden, returns the model
        ...
Start-up: `unopkg add` into a fresh profile under `workdir` — or, with `from_profile`, a fresh
copy of a profile that has the .oxt installed already (no unopkg, no first start: ogi-check's
profile template, the suites' provisioned profile) — then `soffice --headless` accepting on a
local socket. As root both run as `nobody` (unopkg refuses to run as root,
recipe pitfall 6). The office is always terminated, and killed if it does not exit.
Run with /usr/bin/python3 (python3-uno) and URE_MORE_TYPES naming our .rdb (recipe §2.4).
"""
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

SOFFICE = os.environ.get("OGI_SOFFICE", "/usr/lib/libreoffice/program/soffice")
UNOPKG = os.environ.get("OGI_UNOPKG", "/usr/lib/libreoffice/program/unopkg")
EXTENSION_ID = "org.ogi.reportchecker"


_running = set()


def _kill_all(signum, frame):
    for office in list(_running):
        office.kill()
    sys.exit(128 + signum)


signal.signal(signal.SIGTERM, _kill_all)
signal.signal(signal.SIGINT, _kill_all)
signal.signal(signal.SIGHUP, _kill_all)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _chown_tree(root, uid, gid):
    os.chown(root, uid, gid)
    for base, dirs, files in os.walk(root):
        for name in dirs + files:
            os.lchown(os.path.join(base, name), uid, gid)


def log(*args):
    print("[office]", *args, file=sys.stderr, flush=True)


class Office:
    # The office's own session; ogi-check's workers keep it in theirs, in a group of its own (session.py).
    POPEN_GROUP = {"start_new_session": True}

    def __init__(self, oxt, workdir, install=True, ui_locale=None, from_profile=None):
        """from_profile: start on a copy of this profile directory, made at every start (implies
        install=False)."""
        self.oxt = os.path.abspath(oxt)
        self.from_profile = os.path.abspath(from_profile) if from_profile else None
        self.ui_locale = ui_locale  # e.g. "zh-CN": the profile's UI language (needs its language pack)
        self.workdir = os.path.abspath(workdir)
        self.profile = os.path.join(self.workdir, "profile")
        self.profile_url = uno.systemPathToFileUrl(self.profile)
        self.install = install and not from_profile
        self.proc = None
        self.ctx = None
        self.desktop = None
        self.port = None

    # -- processes ------------------------------------------------------------------------
    def _as_user(self):
        """Command prefix and env to run office tools unprivileged."""
        env = dict(os.environ, HOME=self.workdir, SAL_USE_VCLPLUGIN="svp")
        for k in ("URE_MORE_TYPES", "PYTHONPATH"):
            env.pop(k, None)
        if os.geteuid() == 0:
            # runuser resets HOME; `env` sets it again (dconf and the profile want a writable one).
            return ["runuser", "-u", "nobody", "--", "env", "HOME=" + self.workdir], env
        return [], env

    def _prepare_workdir(self):
        if os.path.exists(self.workdir):
            shutil.rmtree(self.workdir)
        os.makedirs(self.workdir)
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            os.chown(self.workdir, nobody.pw_uid, nobody.pw_gid)
            # The office (as nobody) must be able to read the .oxt and the fixtures.
            os.chmod(self.workdir, 0o777)
            if subprocess.run(["runuser", "-u", "nobody", "--", "test", "-w", self.workdir]).returncode != 0:
                # The build tree is not reachable for nobody (e.g. a checkout under /root):
                # use a private directory under /tmp instead.
                shutil.rmtree(self.workdir)
                self.workdir = tempfile.mkdtemp(prefix="ogi-office-")
                os.chown(self.workdir, nobody.pw_uid, nobody.pw_gid)
                os.chmod(self.workdir, 0o777)
                self.profile = os.path.join(self.workdir, "profile")
                self.profile_url = uno.systemPathToFileUrl(self.profile)
                log("build tree not accessible to nobody; using", self.workdir)
        if self.from_profile:
            shutil.copytree(self.from_profile, self.profile, symlinks=True)
            if os.geteuid() == 0:
                nobody = pwd.getpwnam("nobody")
                _chown_tree(self.profile, nobody.pw_uid, nobody.pw_gid)

    def unopkg(self, *args, timeout=120):
        prefix, env = self._as_user()
        cmd = prefix + [UNOPKG, *args, "-env:UserInstallation=" + self.profile_url]
        log("run", " ".join(cmd))
        return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)

    def copy_in(self, path):
        """A copy of `path` in the work directory, readable and writable by the office."""
        dest = os.path.join(self.workdir, "docs")
        os.makedirs(dest, exist_ok=True)
        target = os.path.join(dest, os.path.basename(path))
        shutil.copyfile(path, target)
        os.chmod(target, 0o666)
        os.chmod(dest, 0o777)
        return target

    def _connection(self):
        # A socket on a free local port: a pipe's name includes the uid of its creator, so a
        # root client cannot reach the pipe of an office running as nobody.
        if self.port is None:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                self.port = s.getsockname()[1]
        return "socket,host=127.0.0.1,port=%d" % self.port

    def start(self):
        self._prepare_workdir()
        if self.install:
            oxt_copy = os.path.join(self.workdir, os.path.basename(self.oxt))
            shutil.copyfile(self.oxt, oxt_copy)
            os.chmod(oxt_copy, 0o644)
            r = self.unopkg("add", "-s", "-f", oxt_copy)
            if r.returncode != 0:
                raise RuntimeError("unopkg add failed (%d): %s %s" % (r.returncode, r.stdout, r.stderr))
        if self.ui_locale:
            self._set_ui_locale(self.ui_locale)
        prefix, env = self._as_user()
        cmd = prefix + [SOFFICE, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                        "--nolockcheck", "-env:UserInstallation=" + self.profile_url,
                        "--accept=%s;urp;StarOffice.ComponentContext" % self._connection()]
        self.log_path = os.path.join(self.workdir, "soffice.log")
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, env=env, stdout=self._log, stderr=subprocess.STDOUT, **self.POPEN_GROUP)
        _running.add(self)
        # Watchdog: the office is in its own session, so a killed test runner would not take it
        # down; never let it outlive OGI_OFFICE_LIFETIME seconds.
        self._watchdog = threading.Timer(float(os.environ.get("OGI_OFFICE_LIFETIME", "1100")), self.kill)
        self._watchdog.daemon = True
        self._watchdog.start()
        self._connect()
        return self

    def _set_ui_locale(self, locale):
        """Tools › Options › Language Settings › User interface, written into the profile."""
        user = os.path.join(self.profile, "user")
        os.makedirs(user, exist_ok=True)
        mods = os.path.join(user, "registrymodifications.xcu")
        text = open(mods, encoding="utf-8").read() if os.path.exists(mods) else (
            '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '</oor:items>\n')
        item = ('<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" '
                'oor:op="fuse"><value>%s</value></prop></item>\n' % locale)
        with open(mods, "w", encoding="utf-8") as f:
            f.write(text.replace("</oor:items>", item + "</oor:items>"))
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "nobody:", self.profile], check=True)

    def _connect(self, timeout=60):
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + timeout
        while True:
            try:
                self.ctx = resolver.resolve("uno:%s;urp;StarOffice.ComponentContext" % self._connection())
                break
            except NoConnectException:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("soffice did not come up (exit %s); see %s" % (self.proc.poll(), self.log_path))
                time.sleep(0.25)
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def kill(self):
        """Kill the process group we started (soffice wrapper, oosplash, soffice.bin)."""
        proc = self.proc
        if proc is not None and proc.poll() is None:
            log("killing soffice process group", proc.pid)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def stop(self):
        if getattr(self, "_watchdog", None):
            self._watchdog.cancel()
        _running.discard(self)
        if self.proc is None:
            return
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge goes away while terminating
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()
            self.proc.wait(timeout=10)
        # runuser's child may outlive the wrapper for a moment: make sure the group is gone.
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc = None
        self.desktop = None
        self.ctx = None
        if getattr(self, "_log", None):
            self._log.close()

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()

    # -- documents ------------------------------------------------------------------------
    def create(self, service):
        return self.smgr.createInstanceWithContext(service, self.ctx)

    def load(self, path, hidden=True, read_only=False, filter_name=None):
        args = [prop("Hidden", hidden)]
        if read_only:
            args.append(prop("ReadOnly", True))
        if filter_name:
            args.append(prop("FilterName", filter_name))
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                                tuple(args))
        if doc is None:
            raise RuntimeError("could not load " + path)
        return doc

    def dispatch(self, doc, command, args=()):
        helper = self.create("com.sun.star.frame.DispatchHelper")
        frame = doc.getCurrentController().getFrame()
        return helper.executeDispatch(frame, command, "", 0, tuple(args))

    def checker(self):
        return self.create("org.ogi.reportchecker.ReportChecker")

    def rule_list(self, text):
        """(the rule ids `text` names, the tokens that name no rule, every rule id), from the
        installed extension's service: its catalog and its parsing, the settings' own."""
        checker = self.checker()
        if checker is None:
            raise RuntimeError("the service org.ogi.reportchecker.ReportChecker is not available")
        named, unknown = checker.parseRuleList(text, None)   # pyuno: the out parameter comes back
        return list(named), list(unknown), list(checker.getRuleIds())
