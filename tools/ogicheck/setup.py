"""The private profile template: a LibreOffice user profile with our .oxt installed, kept
under the build tree (never the user's ~/.config/libreoffice) and reinstalled when the .oxt
changes. Workers start from copies of it.

Run as `python3 -m ogicheck.setup OXT STATE_DIR` (with URE_MORE_TYPES set); prints the
template profile's path on stdout. Concurrent runs are serialized with a lock file.

`python3 -m ogicheck.setup OXT STATE_DIR --rules LIST` also asks the installed extension which
rule ids LIST names (ogi-check --disable): its service parses the list as the settings do
(XReportChecker.parseRuleList, getRuleIds), so the command line knows no catalog of its own.
Prints one JSON line {"profile", "rules", "unknown", "all"}. The office that made the template
answers when there is one; otherwise an office started on a copy of the template.
"""
import fcntl
import hashlib
import json
import os
import shutil
import sys

STAMP = "template.json"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_stamp(state):
    try:
        with open(os.path.join(state, STAMP)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def current_template(oxt, state):
    """The template profile when it is up to date with `oxt`, else None (no office needed)."""
    stamp = read_stamp(state)
    if not stamp or not os.path.isdir(stamp.get("profile", "")):
        return None
    st = os.stat(oxt)
    if stamp.get("oxt_size") == st.st_size and stamp.get("oxt_mtime_ns") == st.st_mtime_ns:
        return stamp["profile"]
    if stamp.get("oxt_sha256") == sha256(oxt):
        return stamp["profile"]
    return None


def ensure_template(oxt, state, log=lambda *a: None, while_running=None):
    """The template profile for `oxt`, made when it is missing or out of date; `while_running(office)`
    is called with the office that made it, before it stops (not when the template was current)."""
    os.makedirs(state, exist_ok=True)
    with open(os.path.join(state, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        profile = current_template(oxt, state)
        if profile:
            return profile
        from ogicheck import office
        old = read_stamp(state)
        digest = sha256(oxt)
        # A new directory per .oxt: a run still using the previous template keeps it; older ones go.
        keep = {os.path.basename(old["workdir"])} if old and old.get("workdir") else set()
        for name in os.listdir(state):
            if name.startswith("template") and name not in keep and os.path.isdir(os.path.join(state, name)):
                shutil.rmtree(os.path.join(state, name), ignore_errors=True)
        try:
            os.remove(os.path.join(state, STAMP))
        except FileNotFoundError:
            pass
        log("installing %s into a private profile (first use or the .oxt changed)" % os.path.basename(oxt))
        o = office.Office(oxt, os.path.join(state, "template-" + digest[:12]), install=True)
        try:
            o.start()  # unopkg add, then one start so that the profile is complete
            checker = o.checker()
            if checker is None:
                raise RuntimeError("the service org.ogi.reportchecker.ReportChecker is not available "
                                   "after installing " + oxt)
            if while_running is not None:
                while_running(o)
        finally:
            o.stop()
        for name in (".lock",):  # an office lock left behind must not travel with the copies
            try:
                os.remove(os.path.join(o.profile, name))
            except FileNotFoundError:
                pass
        st = os.stat(oxt)
        stamp = {"oxt": oxt, "oxt_sha256": digest, "oxt_size": st.st_size, "oxt_mtime_ns": st.st_mtime_ns,
                 "workdir": o.workdir, "profile": o.profile}
        tmp = os.path.join(state, STAMP + ".tmp")
        with open(tmp, "w") as f:
            json.dump(stamp, f, indent=1)
        os.replace(tmp, os.path.join(state, STAMP))
        return o.profile


def ask_rules(oxt, state, profile, text):
    """(named, unknown, all) rule ids of `text`, asked of an office started on a copy of `profile`."""
    from ogicheck import office
    o = office.Office(oxt, os.path.join(state, "rules-%d" % os.getpid()), from_profile=profile)
    try:
        o.start()
        return o.rule_list(text)
    finally:
        o.stop()
        shutil.rmtree(o.workdir, ignore_errors=True)


def main(argv):
    oxt, state = argv[1], argv[2]
    rules_text = argv[4] if len(argv) > 4 and argv[3] == "--rules" else None
    answer = {}

    def ask(o):
        answer["rules"], answer["unknown"], answer["all"] = o.rule_list(rules_text)

    try:
        profile = ensure_template(oxt, state, log=lambda *a: print("ogi-check:", *a, file=sys.stderr, flush=True),
                                  while_running=ask if rules_text is not None else None)
        if rules_text is not None and not answer:
            answer["rules"], answer["unknown"], answer["all"] = ask_rules(oxt, state, profile, rules_text)
    except Exception as e:  # reported by the caller as a setup failure
        print("ogi-check: setup failed: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 2
    if rules_text is None:
        print(profile)
    else:
        print(json.dumps(dict(answer, profile=profile), ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
