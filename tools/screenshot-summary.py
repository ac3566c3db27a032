#!/usr/bin/python3
"""Screenshots of an ogi-check --summary workbook opened in a real Calc window (for the README).

    /usr/bin/python3 tools/screenshot-summary.py WORKBOOK.xlsx OUT_PREFIX [zh-CN|en-US]

Starts Xvfb (:98, 1600x1000), a GUI LibreOffice on it with a throwaway profile (UI language as
given, zh-CN needs libreoffice-l10n-zh-cn), opens the workbook and captures the root window with
ImageMagick's `import`: OUT_PREFIX.png (the sheet 汇总), OUT_PREFIX-right.png (汇总 scrolled to its
counts and key figures) and OUT_PREFIX-chart.png (the sheet 图表).
Everything started here is stopped at the end (by process id), as in tools/screenshots.py.
"""
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.connection import NoConnectException

PROGRAM = "/usr/lib/libreoffice/program"
DISPLAY = ":98"
SIZE = (1600, 1000)


def as_user(cmd, home):
    if os.geteuid() == 0:
        return ["runuser", "-u", "nobody", "--", "env", "HOME=" + home] + cmd
    return cmd


def main():
    book, prefix = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    lang = sys.argv[3] if len(sys.argv) > 3 else "zh-CN"
    work = tempfile.mkdtemp(prefix="ogi-shots-summary-")
    os.chmod(work, 0o777)
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(work, nobody.pw_uid, nobody.pw_gid)
    profile = os.path.join(work, "profile")
    copy = os.path.join(work, os.path.basename(book))
    shutil.copyfile(book, copy)
    os.chmod(copy, 0o666)
    env = dict(os.environ, HOME=work, DISPLAY=DISPLAY, SAL_USE_VCLPLUGIN="gen")
    for k in ("URE_MORE_TYPES", "PYTHONPATH"):
        env.pop(k, None)
    procs = []
    try:
        xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "%dx%dx24" % SIZE, "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        procs.append(xvfb)
        time.sleep(1.5)
        user = os.path.join(profile, "user")
        os.makedirs(user)
        with open(os.path.join(user, "registrymodifications.xcu"), "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                    'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                    '<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse">'
                    '<value>%s</value></prop></item>\n'
                    '<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse">'
                    '<value>false</value></prop></item>\n'
                    '<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse">'
                    '<value>false</value></prop></item>\n</oor:items>\n' % lang)
        if os.geteuid() == 0:
            subprocess.run(["chown", "-R", "nobody:", profile], check=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        office = subprocess.Popen(as_user([PROGRAM + "/soffice", "--norestore", "--nologo", "--nodefault",
                                           "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                                           "--accept=socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext"
                                           % port], work),
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        procs.append(office)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 90
        while True:
            try:
                ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
                break
            except NoConnectException:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(copy), "_blank", 0, ())
        w = doc.CurrentController.Frame.ContainerWindow
        w.setPosSize(0, 0, SIZE[0], SIZE[1], 15)
        w.setFocus()

        def shot(path):
            time.sleep(2.5)
            subprocess.run(["import", "-display", DISPLAY, "-window", "root", "+repage", "-colors", "256",
                            "PNG8:" + path], check=True, timeout=60)
            print("wrote", path)

        ctl = doc.CurrentController
        ctl.setActiveSheet(doc.Sheets.getByIndex(0))
        shot(prefix + ".png")
        ctl.setFirstVisibleColumn(6)       # the counts, key figures, links and the hierarchy column
        shot(prefix + "-right.png")
        ctl.setFirstVisibleColumn(0)
        ctl.setActiveSheet(doc.Sheets.getByIndex(doc.Sheets.Count - 1))
        shot(prefix + "-chart.png")
    finally:
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open("/proc/%s/cmdline" % pid, "rb") as f:
                    cmdline = f.read().decode("utf-8", "replace")
            except OSError:
                continue
            if work in cmdline and int(pid) != os.getpid():
                try:
                    os.kill(int(pid), signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for p in reversed(procs):
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    print("process %d did not exit" % p.pid, file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
