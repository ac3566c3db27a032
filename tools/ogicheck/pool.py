"""Worker processes (python3 -m ogicheck.worker), one office each, fed from a queue of files.

No UNO here. The coordinator hands one file at a time to each idle worker, collects the
results by job id, enforces a backstop time limit (a worker enforces the per-file limit
itself; if a worker stops answering it is killed together with its office), replaces dead
workers, and on Ctrl+C / SIGTERM stops every worker and office it started.
"""
import collections
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import threading
import time

from ogicheck.paths import UNO_PYTHON, uno_env

BACKSTOP_GRACE = 120.0   # seconds beyond the per-file limit before a silent worker is killed
START_GRACE = 180.0      # seconds for a worker to bring its office up


def session_members(sid):
    """Pids of the processes in session `sid` (a worker and the office it started, whatever groups
    they are in)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
            if int(stat[stat.rindex(")") + 2:].split()[3]) == sid:
                pids.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return pids


def kill_session(sid):
    """SIGKILL every process of session `sid`. Each worker is started in a session of its own and its
    office stays in it (session.py), so this reaches an office from the moment it is forked, even
    when its worker died before telling us about it."""
    if not sid:
        return
    for _ in range(3):
        pids = session_members(sid)
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.05)


def _cmdline(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read().replace(b"\0", b" ")
    except OSError:
        return b""


def kill_users_of(folder):
    """SIGKILL every process whose command line names a path in `folder` (a run's private folder)."""
    needle = os.fsencode(folder.rstrip("/")) + b"/"
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid() and needle in _cmdline(int(entry)):
            try:
                os.kill(int(entry), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass


def clean_stale_runs(state):
    """Removes the folders (private document copies, profiles) of earlier runs whose ogi-check is gone
    (killed with SIGKILL, a crash, power loss), after killing any process still working in them.
    Folders of runs that are still going are left alone."""
    try:
        names = os.listdir(state)
    except OSError:
        return []
    removed = []
    for name in names:
        m = re.fullmatch(r"run-(\d+)", name)
        if not m or int(m.group(1)) == os.getpid():
            continue
        pid = int(m.group(1))
        if b"ogicheck" in _cmdline(pid) or b"ogi-check" in _cmdline(pid):
            continue   # a concurrent run
        path = os.path.join(state, name)
        kill_users_of(path)
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _killpg(pgid, sig=signal.SIGKILL):
    if pgid:
        try:
            os.killpg(pgid, sig)
        except (ProcessLookupError, PermissionError):
            pass


class WorkerProc:
    def __init__(self, pool, slot):
        self.pool = pool
        self.slot = slot
        self.gen = pool.generation(slot)
        self.workdir = os.path.join(pool.rundir, "w%d-%d" % (slot, self.gen))
        self.log_path = os.path.join(pool.rundir, "worker-%d.log" % slot)
        self.office_pgid = None
        self.job = None
        self.deadline = time.monotonic() + START_GRACE
        self.ready = False
        self.dead = False
        self.fatal = None
        self.quitting = False
        self.send_failed = False
        log = open(self.log_path, "ab")
        cmd = [UNO_PYTHON, "-m", "ogicheck.worker", pool.oxt, pool.template, self.workdir]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                                     env=pool.env, start_new_session=True)
        log.close()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.proc.stdout:
            try:
                msg = json.loads(raw.decode("utf-8"))
            except ValueError:
                continue
            self.pool.events.put((self, msg))
        self.pool.events.put((self, None))

    def send(self, obj):
        try:
            # ASCII: a file name that is not UTF-8 (surrogate-escaped) travels as \udcxx, intact.
            self.proc.stdin.write((json.dumps(obj, ensure_ascii=True) + "\n").encode("ascii"))
            self.proc.stdin.flush()
            return True
        except (BrokenPipeError, OSError, ValueError):
            return False

    def assign(self, job):
        self.job = job
        self.job_started = time.monotonic()
        limit = job["timeout"] or 0
        self.deadline = time.monotonic() + limit + BACKSTOP_GRACE if limit else None
        if not self.send(job):
            # The worker is gone (its output ends, and the file is reported as "worker died", not as a
            # timeout); make sure it is.
            self.send_failed = True
            _killpg(self.proc.pid)

    def kill(self):
        """Kill the worker and its office (their own sessions: nothing else is touched)."""
        self.dead = True
        try:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(3)
        except subprocess.TimeoutExpired:
            pass
        except Exception:
            pass
        _killpg(self.proc.pid)
        _killpg(self.office_pgid)
        kill_session(self.proc.pid)   # the office, even one still starting (no pgid told yet)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass


class Pool:
    def __init__(self, oxt, template, rundir, workers, on_result, on_event=None):
        self.oxt = oxt
        self.template = template
        self.rundir = rundir
        self.nworkers = workers
        self.on_result = on_result          # (job, result dict)
        self.on_event = on_event or (lambda kind, info: None)
        self.events = queue.Queue()
        self.env = uno_env()
        self._gens = collections.Counter()
        self.workers = []
        self.sessions = []                  # every worker's session id (= its pid), for sweep()
        self.office_restarts = 0
        self.first_start_ms = 0.0            # the longest first start of a worker's office
        self.worker_restarts = 0
        self.start_failures = collections.Counter()
        self.last_start_error = None

    def generation(self, slot):
        self._gens[slot] += 1
        return self._gens[slot]

    def _spawn(self, slot):
        w = WorkerProc(self, slot)
        self.workers.append(w)
        self.sessions.append(w.proc.pid)
        return w

    def sweep(self):
        """After the run: nothing of it survives — every worker's session (its office, even one
        still starting) and any process still working in the run's folder."""
        for sid in self.sessions:
            kill_session(sid)
        kill_users_of(self.rundir)

    def _finish(self, w, result):
        job, w.job = w.job, None
        if job is not None:
            self.on_result(job, result)

    def run(self, jobs):
        pending = collections.deque(jobs)
        outstanding = len(jobs)
        for slot in range(min(self.nworkers, len(jobs))):
            self._spawn(slot)

        def feed(w):
            if pending and not w.dead:
                w.assign(pending.popleft())
            elif not w.quitting:
                w.quitting = True
                w.send({"quit": True})

        def replace(w, why):
            """After a worker died: reap it and its office, start another for the same slot."""
            w.kill()
            if w in self.workers:
                self.workers.remove(w)
            if not w.ready:
                self.start_failures[w.slot] += 1
                self.last_start_error = why
            else:
                self.start_failures[w.slot] = 0
            if pending and self.start_failures[w.slot] < 2:
                self.worker_restarts += 1
                self._spawn(w.slot)

        while outstanding > 0:
            try:
                w, msg = self.events.get(timeout=0.5)
            except queue.Empty:
                w, msg = None, None
            now = time.monotonic()
            if w is not None and w.dead and msg is not None:
                continue
            if w is not None and msg is None and not w.dead:
                # The worker's output ended: it exited (or crashed).
                try:
                    code = w.proc.wait(10)
                except subprocess.TimeoutExpired:
                    code = None
                why = w.fatal or "worker exited (code %s)" % code
                if w.job is not None:
                    limit = w.job["timeout"]
                    if limit and now - w.job_started >= limit and not w.send_failed:
                        result = {"status": "failed", "code": "timeout", "attempts": 1, "reason_key": "timeout",
                                  "reason_args": {"s": float(limit)}}
                    else:
                        result = {"status": "failed", "code": "crash", "attempts": 1, "reason_key": "worker-died"}
                    self._finish(w, result)
                    outstanding -= 1
                if not w.quitting:
                    self.on_event("worker-died", why)
                    replace(w, why)
                else:
                    w.dead = True
                    if w in self.workers:
                        self.workers.remove(w)
            elif w is not None and not w.dead:
                ev = msg.get("event")
                if ev == "ready":
                    w.ready = True
                    w.office_pgid = msg.get("office_pgid")
                    self.start_failures[w.slot] = 0
                    self.first_start_ms = max(self.first_start_ms, msg.get("start_ms") or 0)
                    feed(w)
                elif ev == "result":
                    if w.job is not None and w.job["id"] == msg.get("id"):
                        self._finish(w, msg["result"])
                        outstanding -= 1
                    feed(w)
                elif ev == "restart":
                    self.office_restarts += 1
                    w.office_pgid = msg.get("office_pgid")
                    self.on_event("office-restart", msg.get("reason"))
                    if w.deadline is not None:
                        w.deadline = max(w.deadline, now + START_GRACE)
                elif ev == "fatal":
                    w.fatal = msg.get("reason")
                    self.last_start_error = w.fatal
            # Backstop: a worker that does not answer in time is killed with its office.
            for x in list(self.workers):
                if x.dead or x.deadline is None or now < x.deadline:
                    continue
                if x.job is not None:
                    self._finish(x, {"status": "failed", "code": "timeout", "attempts": 1, "reason_key": "backstop",
                                     "reason_args": {"s": float(x.job["timeout"] + BACKSTOP_GRACE)}})
                    outstanding -= 1
                    self.on_event("worker-killed", "no answer")
                    replace(x, "no answer")
                elif not x.ready:
                    self.on_event("worker-killed", "office did not start in time")
                    replace(x, "LibreOffice did not start within %g s" % START_GRACE)
                else:
                    x.deadline = None
            # No worker left (offices cannot start): every file still waiting fails, none is skipped.
            if pending and not any(not x.dead for x in self.workers):
                while pending:
                    job = pending.popleft()
                    self.on_result(job, {"status": "failed", "code": "no-office", "attempts": 0,
                                         "reason_key": "no-office"})
                    outstanding -= 1
        self.close()

    def close(self, timeout=30.0):
        """Ask idle workers to quit (they stop their offices), then kill what remains."""
        for w in self.workers:
            if not w.dead and not w.quitting:
                w.quitting = True
                w.send({"quit": True})
        deadline = time.monotonic() + timeout
        for w in list(self.workers):
            try:
                w.proc.stdin.close()
            except Exception:
                pass
            try:
                w.proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            w.kill()
        self.workers = []

    def abort(self):
        """Ctrl+C: stop every worker and office now."""
        for w in list(self.workers):
            try:
                w.proc.send_signal(signal.SIGTERM)
            except Exception:
                pass
        for w in list(self.workers):
            w.kill()
        self.workers = []
