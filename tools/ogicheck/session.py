"""The office a worker owns: the Office helper (office.py), started from a copy of a profile
that already has the .oxt installed (Office's from_profile: no unopkg per start), and without the test helper's
lifetime limit (a run over hundreds of files may take longer; the worker enforces per-file
time limits instead)."""
import os
import signal

from ogicheck import office


class Session(office.Office):
    """An Office whose profile is a fresh copy of `template_profile` at every start."""

    # The office stays in the worker's session (the pool started the worker in a session of its own and
    # kills that whole session when the worker dies, even while the office is still starting), in a
    # process group of its own (hard_stop kills the office without the worker).
    POPEN_GROUP = {"process_group": 0}

    def __init__(self, oxt, workdir, template_profile):
        super().__init__(oxt, workdir, from_profile=template_profile)

    def start(self):
        super().start()
        timer = getattr(self, "_watchdog", None)
        if timer is not None:
            timer.cancel()
        return self

    @property
    def pgid(self):
        """The office's process group (the helper starts it in a session of its own)."""
        return self.proc.pid if self.proc is not None else None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def office_pids(self):
        """Processes of the office's process group (wrapper, oosplash, soffice.bin)."""
        pgid = self.pgid
        pids = []
        if pgid is None:
            return pids
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % entry) as f:
                    stat = f.read()
                fields = stat[stat.rindex(")") + 2:].split()
                if int(fields[2]) == pgid:
                    with open("/proc/%s/comm" % entry) as f:
                        pids.append((int(entry), f.read().strip()))
            except (OSError, ValueError):
                continue
        return pids

    def signal_soffice_bin(self, sig):
        """Test hook support: send `sig` to soffice.bin only (simulates a hang or a crash)."""
        for pid, comm in self.office_pids():
            if comm.startswith("soffice.bin"):
                os.kill(pid, sig)

    def hard_stop(self):
        """Kill the office process group without a word to it (after a hang or a crash): no call
        goes over the bridge, which may be dead or blocked."""
        timer = getattr(self, "_watchdog", None)
        if timer is not None:
            timer.cancel()
        getattr(office, "_running", set()).discard(self)
        proc = self.proc
        if proc is not None:
            for _ in range(2):
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                try:
                    proc.wait(10)
                    break
                except Exception:
                    pass
            try:
                os.killpg(proc.pid, signal.SIGKILL)   # stragglers of the group
            except (ProcessLookupError, PermissionError):
                pass
        log = getattr(self, "_log", None)
        if log is not None:
            log.close()
        self.proc = None
        self.desktop = None
        self.ctx = None

    def healthy(self):
        """soffice.bin is there and the bridge answers (a blocked office blocks this call)."""
        if not self.alive() or not any(c.startswith("soffice.bin") for _, c in self.office_pids()):
            return False
        try:
            self.desktop.getFrames()
            return True
        except Exception:
            return False
