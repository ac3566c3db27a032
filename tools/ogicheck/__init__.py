"""ogi-check: the command-line checker of the OGI Report Checker.

Checks many documents at once through the same extension (.oxt) and engine as the toolbar,
in headless LibreOffice processes with a private profile, and writes a readable summary and
an optional machine-readable JSON report (schema in README, `SCHEMA_VERSION`).

Modules:
  cli       argument parsing, file collection, the run, output, exit status (no UNO)
  pool      worker processes, per-file time limits, restarts, Ctrl+C (no UNO)
  setup     the private profile template with the .oxt installed (runs in a subprocess)
  worker    one worker process: owns one office, checks one file at a time (UNO)
  office    the Office helper (headless soffice, private profile; the integration tests use it too)
  session   the Office subclass used by the workers (profile copies, no lifetime limit)
  sniff     cheap checks of a file before and after the office tried it (reasons)
  report    JSON records and human-readable output (zh-CN / en-US)
"""
SCHEMA_VERSION = 1
