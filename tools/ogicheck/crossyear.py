"""Cross-year pairing of the reports given together (issue 13, spec §6.5).

Each file's first check also returns its snapshot (the extension's getSnapshot: unit, its
normalized form "unit_key", year, values by template key, section texts). Reports are then
paired by unit and consecutive year: last year's report of a file is the file of the same
unit_key whose year is one less. When two files could serve, the choice is deterministic —
the first by path — and the record says so ("previous_candidates"). Paired files are checked
again with last year's snapshot (the service's usePrevious), so their findings, summary and
marked copy include the cross-year rules Y-1 … Y-5; the readable output prints them again,
under a line saying so (the JSON has the second check only).

Fields added to each file's JSON record:
  "unit"                 the reporting unit read from the title (or null)
  "previous"             the path of last year's report used (or null)
  "previous_candidates"  every file that could have served (the chosen one first); [] if none
"""
import json

TEXT = {
    "zh-CN": {"again": "与上年报告对照，再次检查 %d 个文件:",
              "previous": "上年报告: {p}",
              "choice": "（{n} 份报告都可作为上年报告，按路径顺序选用第一份；另有: {others}）"},
    "en-US": {"again": "checking %d file(s) again against last year's report:",
              "previous": "last year's report: {p}",
              "choice": " ({n} reports could serve as last year's; the first by path was used; others: {others})"},
}


def snapshot_json(snapshot, path):
    """The snapshot as the service's usePrevious takes it, naming the original file."""
    s = dict(snapshot)
    s["path"] = path
    return json.dumps(s, ensure_ascii=False)


def usable(snapshot):
    return bool(snapshot) and bool(snapshot.get("tables")) and bool(snapshot.get("year")) \
        and bool(snapshot.get("unit_key"))


def pair(entries):
    """entries: {index: (path, snapshot)} of the files checked.
    Returns {index: [candidate indexes, chosen first]} for every file that has last year's report."""
    by_key = {}
    for i, (path, snap) in entries.items():
        if usable(snap):
            by_key.setdefault((snap["unit_key"], snap["year"]), []).append(i)
    pairs = {}
    for i, (path, snap) in entries.items():
        if not usable(snap):
            continue
        cands = by_key.get((snap["unit_key"], snap["year"] - 1), [])
        if cands:
            pairs[i] = sorted(cands, key=lambda k: entries[k][0])
    return pairs


def annotate(record, result, previous=None, candidates=()):
    """Adds unit / previous / previous_candidates to a file record."""
    report = result.get("report") or {}
    record["unit"] = report.get("unit") or None
    prev = report.get("previous")
    record["previous"] = previous if previous else (prev.get("path") if isinstance(prev, dict) else None)
    record["previous_candidates"] = list(candidates) if candidates else \
        ([record["previous"]] if record["previous"] else [])
    return record


def note(record, lang):
    """The line the readable output adds for a paired file, or None."""
    if not record.get("previous"):
        return None
    t = TEXT.get(lang, TEXT["en-US"])
    line = t["previous"].format(p=record["previous"])
    others = [c for c in record.get("previous_candidates", []) if c != record["previous"]]
    if others:
        line += t["choice"].format(n=len(others) + 1, others=", ".join(others))
    return line
