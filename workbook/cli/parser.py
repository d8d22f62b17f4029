"""The command line's parser: every command and option of DESIGN.md section 6, each command
pointing at the thin function that runs it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbook import __version__


def lazy(name: str) -> Any:
    """The function ``module.function`` of ``workbook.cli``, imported only when it runs: the
    app's start-up loads no other command's module."""

    def run(args: argparse.Namespace) -> int:
        import importlib

        module, function = name.split(".")
        found: Any = getattr(importlib.import_module(f"workbook.cli.{module}"), function)
        result: int = found(args)
        return result

    run.__qualname__ = run.__name__ = name
    return run


def top_parser() -> argparse.ArgumentParser:
    """The command line without its commands: all that ``workbook`` alone, the usual start,
    needs (``main``). Building every command's parser costs more than reading the couples."""
    common = argparse.ArgumentParser(add_help=False)
    common_options(common, default=None)
    top = argparse.ArgumentParser(
        prog="workbook",
        description="A guided workbook for two partners at one terminal.",
        parents=[common],
    )
    top.add_argument("--version", action="version", version=f"workbook {__version__}")
    top.set_defaults(run=lazy("app.open_workbook"), couple=None, pack=[])
    return top


def parser() -> argparse.ArgumentParser:
    top = top_parser()
    commands = top.add_subparsers(title="commands", metavar="COMMAND")
    sub_common = argparse.ArgumentParser(add_help=False)
    common_options(sub_common, default=argparse.SUPPRESS)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=help_text, description=help_text, parents=[sub_common]
        )

    start = command("start", "open straight into a new session")
    start.add_argument("--couple", metavar="ID", help="the couple's id (see: workbook couples)")
    start.add_argument("--pack", metavar="ID", action="append", default=[], help="a pack to do")
    start.set_defaults(run=lazy("app.open_workbook"))

    listing = command("list", "the pack library: id, title, minutes, topics, file")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=lazy("packs.listing"))

    validate = command("validate", "check pack files or folders")
    validate.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    validate.add_argument(
        "--format",
        choices=("full", "short", "json"),
        default="full",
        help="full: the line, a caret and help (default); short: first lines only; json: data",
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    validate.set_defaults(run=lazy("packs.validate"))

    schema = command("schema", "print the JSON Schema of the pack format")
    schema.set_defaults(run=lazy("packs.schema"))

    trying = command(
        "try",
        "walk one pack file with a sample couple in a throwaway data folder; saving the file "
        "reloads it (F5 too)",
    )
    trying.add_argument(
        "pack", metavar="PACK", type=Path, help="the pack file to try, or a folder with one"
    )
    trying.set_defaults(run=lazy("packs.try_pack"))

    listed = command("couples", "the couples in the data folder")
    listed.add_argument("--json", action="store_true", help="print JSON")
    listed.add_argument("--all", action="store_true", help="archived couples too")
    listed.set_defaults(run=lazy("couples.couples"))

    export = command("export", "the agreement document, one session's summary, or the whole case")
    export.add_argument("couple", metavar="COUPLE", help="the couple's id (see: workbook couples)")
    what = export.add_mutually_exclusive_group()
    what.add_argument("--session", metavar="ID", help="summarise this session instead")
    what.add_argument(
        "--case", action="store_true", help="the case record: every session, scores, agreements"
    )
    export.add_argument("--format", choices=("md", "html"), default="md")
    export.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        help="write here, not to stdout (a folder: the suggested name in it, e.g. case-record.md)",
    )
    export.add_argument(
        "--include-notes",
        action="store_true",
        help="include the counsellor's private notes (with --session or --case)",
    )
    export.set_defaults(run=lazy("documents.export"))

    encrypt = command("encrypt", "turn encryption at rest on for the data folder")
    encrypt.set_defaults(run=lazy("crypt.encrypt"))
    decrypt = command("decrypt", "turn encryption at rest off for the data folder")
    decrypt.set_defaults(run=lazy("crypt.decrypt"))
    rekey = command("rekey", "a new data key, every file sealed again, a new recovery code")
    rekey.set_defaults(run=lazy("crypt.rekey"))
    passphrase = command(
        "passphrase",
        "change the passphrase of an encrypted data folder, recover it, or make a new code",
    )
    how = passphrase.add_mutually_exclusive_group()
    how.add_argument(
        "--lost", action="store_true", help="set a new one with the recovery code instead"
    )
    how.add_argument(
        "--new-recovery-code",
        action="store_true",
        help="make a new recovery code (needs the passphrase); the old code stops working",
    )
    passphrase.add_argument(
        "--new-passphrase-file", metavar="FILE", type=Path, help="read the new passphrase here"
    )
    passphrase.add_argument(
        "--recovery-code-file", metavar="FILE", type=Path, help="read the recovery code here"
    )
    passphrase.set_defaults(run=lazy("crypt.passphrase"))

    practice = command("pin", "the practice PIN that guards the caseload from a couple's window")
    practice.add_argument("action", choices=("set", "clear"), help="set a new PIN, or clear it")
    practice.add_argument(
        "--pin-file", metavar="FILE", type=Path, help="read the new PIN from the first line of FILE"
    )
    practice.set_defaults(run=lazy("crypt.pin"))

    serve = command(
        "serve",
        "the workbook in a browser: a private link for the couple and one for the console; with "
        "--couple, one for each partner's own device too",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the https address the browsers use, through a TLS proxy (needed with a --host "
        "other than this machine's own)",
    )
    serve.add_argument(
        "--couple",
        metavar="ID",
        help="serve this couple only: a link for both at one screen, one for each partner's "
        "own device, and the console (see: workbook couples)",
    )
    serve.set_defaults(run=lazy("app.serve"))

    history = command("history", "check-in trends and scores")
    history.add_argument("couple", metavar="COUPLE")
    history.add_argument("--format", choices=("text", "csv", "json"), default="text")
    history.add_argument(
        "--excel",
        action="store_true",
        help="begin the CSV with a byte-order mark, so a spreadsheet reads its accents",
    )
    history.set_defaults(run=lazy("documents.history"))

    given = command("assign", "homework for a couple: a pack to do by a day")
    given.add_argument("couple", metavar="COUPLE", help="the couple's id (see: workbook couples)")
    given.add_argument("--pack", metavar="ID", required=True, help="the pack to do")
    given.add_argument(
        "--due", metavar="DATE", help="by when: 2026-11-29, today, tomorrow, friday or +7"
    )
    given.add_argument("--note", metavar="TEXT", help="a word for the couple, shown with it")
    given.set_defaults(run=lazy("assign.assign"))

    listed_due = command("due", "open homework (overdue first) and agreements due for review")
    listed_due.add_argument("--json", action="store_true", help="print JSON")
    listed_due.add_argument("--couple", metavar="ID", help="only this couple")
    listed_due.set_defaults(run=lazy("due.due"))

    appointment = command("schedule", "the couple's next appointment")
    appointment.add_argument("couple", metavar="COUPLE")
    appointment.add_argument(
        "when",
        metavar="WHEN",
        help='"2026-12-01 18:00" (local time), "friday 18:00", or "none" to clear it',
    )
    appointment.set_defaults(run=lazy("schedule.schedule"))

    ics = command(
        "calendar", "appointments, homework and reviews as an iCalendar file (initials only)"
    )
    ics.add_argument("--couple", metavar="ID", help="only this couple")
    ics.add_argument(
        "--names", action="store_true", help="put the couples' names (and notes) in the events"
    )
    ics.add_argument("--out", metavar="FILE.ics", type=Path, required=True)
    ics.set_defaults(run=lazy("calendar.calendar"))

    facilitate = command(
        "facilitate", "the counsellor's console, attached to the couple's current session"
    )
    facilitate.add_argument(
        "couple",
        metavar="COUPLE",
        nargs="?",
        help=(
            "the couple's id; without it, the couple whose unfinished session moved last "
            "(with no unfinished session yet, the console waits for one to begin)"
        ),
    )
    facilitate.add_argument(
        "--session",
        metavar="ID",
        help="follow this session of COUPLE (default: the latest unfinished)",
    )
    facilitate.set_defaults(run=lazy("app.facilitate"))

    return top


def common_options(parser: argparse.ArgumentParser, default: Any) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=default,
        help="the data folder (default: $WORKBOOK_DATA_DIR, else your user data folder)",
    )
    parser.add_argument(
        "--exercises",
        metavar="DIR",
        type=Path,
        action="append",
        default=[] if default is None else default,
        help="a folder of your own packs; may repeat (also: $WORKBOOK_EXERCISES)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=default,
        help="an encrypted data folder's passphrase, read from the first line of FILE",
    )
    parser.add_argument(
        "--lang",
        metavar="TAG",
        default=default,
        help=(
            "the language of Home, the console and the case record, unless settings.toml "
            "names one (es, ar; default: the locale, else English); the command line itself "
            "stays English"
        ),
    )
