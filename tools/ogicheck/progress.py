"""The progress bar of a long run, on stderr: files done / total, errors so far, elapsed and
remaining time. Drawn only when enabled (a terminal, not -q; see cli.py); one line, redrawn
in place, cleared before other output."""
import sys
import time


def _clock(seconds):
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return "%d:%02d:%02d" % (h, m, s) if h else "%d:%02d" % (m, s)


class Progress:
    WIDTH = 24

    def __init__(self, total, enabled, stream=sys.stderr, lang="zh-CN"):
        self.total = total
        self.enabled = enabled
        self.stream = stream
        self.zh = lang == "zh-CN"
        self.done = 0
        self.failed = 0
        self.errors = 0
        self.t0 = time.monotonic()
        self.shown = False

    def clear(self):
        if self.enabled and self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False

    def step(self, record):
        """One file is done (its JSON record)."""
        self.done += 1
        if record.get("status") != "ok":
            self.failed += 1
        self.errors += (record.get("summary") or {}).get("errors", 0)
        self.draw()

    def line(self, now=None):
        elapsed = (time.monotonic() if now is None else now) - self.t0
        filled = int(self.WIDTH * self.done / max(1, self.total))
        bar = "[%s%s] %d/%d" % ("#" * filled, "-" * (self.WIDTH - filled), self.done, self.total)
        if not self.done:
            return bar + ("  正在启动 LibreOffice …" if self.zh else "  starting LibreOffice …")
        remaining = elapsed / self.done * (self.total - self.done)
        if self.zh:
            parts = ["错误 %d" % self.errors] + (["失败 %d" % self.failed] if self.failed else []) + [
                "已用 %s" % _clock(elapsed), "剩余约 %s" % _clock(remaining)]
        else:
            parts = ["%d errors" % self.errors] + (["%d failed" % self.failed] if self.failed else []) + [
                "%s elapsed" % _clock(elapsed), "~%s left" % _clock(remaining)]
        return bar + "  " + "  ".join(parts)

    def draw(self):
        if not self.enabled:
            return
        self.stream.write("\r\033[K" + self.line())
        self.stream.flush()
        self.shown = True
