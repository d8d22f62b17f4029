"""The command line (DESIGN.md section 6).

Exit codes: 0 success, 1 problems found (validate), 2 usage or fatal error, with a message on
stderr and never a traceback. Only the commands that open the workbook import the TUI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from workbook import __version__
from workbook.text import clean

EXIT_OK, EXIT_PROBLEMS, EXIT_FATAL = 0, 1, 2


class Fatal(Exception):
    """A user error that ends the command with exit code 2 and a message."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        result: int = args.run(args)
        return result
    except Fatal as error:
        _say(sys.stderr, f"workbook: {error}")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        from workbook.data.durable import SaveError
        from workbook.data.store import DataError

        if isinstance(error, DataError | SaveError | OSError):
            _say(sys.stderr, f"workbook: {error}")
        else:
            _say(sys.stderr, f"workbook: unexpected error: {type(error).__name__}: {error}")
    return EXIT_FATAL


def _say(stream: TextIO, text: str) -> None:
    # Paths, keys and names can come from hostile files: no escape code reaches the terminal.
    print(clean(text), file=stream)


def _out(text: str) -> None:
    _say(sys.stdout, text)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, default=None)
    parser = argparse.ArgumentParser(
        prog="workbook",
        description="A guided workbook for two partners at one terminal.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"workbook {__version__}")
    parser.set_defaults(run=_open_workbook, couple=None, pack=[])
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    sub_common = argparse.ArgumentParser(add_help=False)
    _common_options(sub_common, default=argparse.SUPPRESS)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name, help=help_text, description=help_text, parents=[sub_common]
        )

    start = command("start", "open straight into a new session")
    start.add_argument("--couple", metavar="ID", help="the couple's id (see: workbook couples)")
    start.add_argument("--pack", metavar="ID", action="append", default=[], help="a pack to do")
    start.set_defaults(run=_open_workbook)

    listing = command("list", "the pack library: id, title, minutes, topics, file")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=_list)

    validate = command("validate", "check pack files or folders")
    validate.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    validate.set_defaults(run=_validate)

    schema = command("schema", "print the JSON Schema of the pack format")
    schema.set_defaults(run=_schema)

    trying = command(
        "try", "walk one pack file with a sample couple in a throwaway data folder (F5 reloads)"
    )
    trying.add_argument("pack", metavar="PACK", type=Path, help="the pack file to try")
    trying.set_defaults(run=_try)

    couples = command("couples", "the couples in the data folder")
    couples.add_argument("--json", action="store_true", help="print JSON")
    couples.add_argument("--all", action="store_true", help="archived couples too")
    couples.set_defaults(run=_couples)

    export = command("export", "the agreement document, or one session's summary")
    export.add_argument("couple", metavar="COUPLE", help="the couple's id (see: workbook couples)")
    export.add_argument("--session", metavar="ID", help="summarise this session instead")
    export.add_argument("--format", choices=("md", "html"), default="md")
    export.add_argument("--out", metavar="FILE", type=Path, help="write here, not to stdout")
    export.add_argument(
        "--include-notes", action="store_true", help="include the facilitator's private notes"
    )
    export.set_defaults(run=_export)

    history = command("history", "check-in trends and scores")
    history.add_argument("couple", metavar="COUPLE")
    history.add_argument("--format", choices=("text", "csv", "json"), default="text")
    history.set_defaults(run=_history)

    return parser


def _common_options(parser: argparse.ArgumentParser, default: Any) -> None:
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


def _open_workbook(args: argparse.Namespace) -> int:
    from workbook.data.layout import is_id

    store = _store(args)
    couple = getattr(args, "couple", None)
    packs = list(getattr(args, "pack", []) or [])
    if couple is not None and (not is_id(couple) or couple not in store.couple_ids()):
        raise Fatal(f'no couple "{couple}" in {store.root} (see: workbook couples)')
    if packs and couple is None:
        couples = store.couple_ids()
        if len(couples) > 1:
            raise Fatal(
                f"there are {len(couples)} couples here: say whose session it is with "
                "--couple ID (see: workbook couples)"
            )
        # With one couple it can only be theirs; with none, the app asks for the names first.
        couple = couples[0] if couples else None
    library: Any = lambda: _library(args, quiet=True)  # noqa: E731 - loaded when first needed
    if packs:
        library = _library(args, quiet=True)
        unknown = [p for p in packs if p not in library.packs]
        if unknown:
            raise Fatal(f"no pack {', '.join(unknown)} in the library (see: workbook list)")
    from workbook.tui.app import WorkbookApp

    WorkbookApp(store, library, couple_id=couple, packs=packs).run()
    return EXIT_OK


def _library(args: argparse.Namespace, quiet: bool = False) -> Any:
    from workbook.packs.library import load_library

    library = load_library(args.exercises)
    if quiet:
        return library
    for note in library.notes:
        _say(sys.stderr, f"note: {note}")
    for broken in library.broken:
        for problem in broken.problems:
            _say(sys.stderr, f"broken pack: {problem}")
    return library


def _list(args: argparse.Namespace) -> int:
    library = _library(args)
    rows = [
        {
            "id": loaded.pack.id,
            "title": loaded.pack.title,
            "minutes": loaded.pack.minutes,
            "topics": list(loaded.pack.topics),
            "summary": loaded.pack.summary,
            "recurring": loaded.pack.recurring,
            "builtin": loaded.builtin,
            "file": str(loaded.file),
        }
        for loaded in library.ordered()
    ]
    if args.json:
        _out(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        _out("No packs found.")
        return EXIT_OK
    table = [
        (
            r["id"],
            r["title"],
            f"{r['minutes']} min" if r["minutes"] else "-",
            ", ".join(r["topics"]) or "-",
            r["file"],
        )
        for r in rows
    ]
    # Columns are padded by the cells a terminal draws, not by characters: ❤️ or 日本 take two.
    from rich.cells import cell_len

    widths = [max(cell_len(row[i]) for row in table) for i in range(4)]
    for row in table:
        cells = (cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(row[:4]))
        _out("  ".join(cells) + "  " + row[4])
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from workbook.packs.library import Library, pack_files
    from workbook.packs.load import load_pack

    files: list[Path] = []
    for path in args.paths:
        if path.is_dir():
            files += pack_files(path)
        elif path.exists():
            files.append(path)
        else:
            raise Fatal(f"{path}: no such file or folder")
    checked = Library()
    problems = 0
    for file in dict.fromkeys(files):
        loaded = load_pack(file)
        for problem in loaded.problems:
            _out(str(problem))
        problems += len(loaded.problems)
        before = len(checked.notes)
        checked.add(loaded)
        for note in checked.notes[before:]:
            _out(f"{file}:1:1: {note}")
            problems += 1
    count = len(dict.fromkeys(files))
    summary = f"{count} pack file{'s' if count != 1 else ''} checked"
    if problems:
        _say(sys.stderr, f"{summary}: {problems} problem{'s' if problems != 1 else ''}")
        return EXIT_PROBLEMS
    _say(sys.stderr, f"{summary}: no problems")
    return EXIT_OK


def _try(args: argparse.Namespace) -> int:
    if not args.pack.is_file():
        raise Fatal(f"{args.pack}: no such pack file")
    from workbook.tui.trying import try_pack

    try_pack(args.pack)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from workbook.packs.schema import pack_schema

    _out(json.dumps(pack_schema(), indent=2))
    return EXIT_OK


def _store(args: argparse.Namespace) -> Any:
    from workbook.data.layout import data_folder
    from workbook.data.store import Store

    return Store(data_folder(args.data_dir))


def _couples(args: argparse.Namespace) -> int:
    from workbook.data.index import load_caseload

    store = _store(args)
    # Read through Home's index where the couples' files have not changed, but never written:
    # a command that lists changes no file.
    caseload = load_caseload(store, date.today(), save=False)
    for folder, reason in caseload.unreadable:
        _say(sys.stderr, f"skipped: {store.layout.couple_file(folder)}: {reason}")
    rows: list[dict[str, Any]] = []
    for overview in caseload.couples:
        if overview.archived and not args.all:
            continue
        rows.append(
            {
                "id": overview.id,
                "partners": [
                    {"key": key, "name": name}
                    for key, name in zip("ab", overview.names, strict=True)
                ],
                "facilitator": overview.facilitator,
                "created": overview.created,
                "sessions": overview.sessions,
                "last_session": overview.last_session,
                "last_session_at": overview.last_session_at,
                "unfinished": overview.unfinished,
                "agreements_active": overview.agreements_active,
                "agreements_due": overview.agreements_due,
                "next_review": overview.next_review,
                "archived": overview.archived,
                "folder": overview.folder,
                "problem": overview.problem,
            }
        )
    if args.json:
        _out(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        hidden = sum(1 for overview in caseload.couples if overview.archived)
        if hidden:
            _out(f"No current couples in {store.root}: {hidden} archived (see --all).")
        else:
            _out(f"No couples yet in {store.root}.")
        return EXIT_OK
    for row in rows:
        names = " and ".join(p["name"] for p in row["partners"])
        with_whom = f" (with {row['facilitator']})" if row["facilitator"] else ""
        last = f", last {row['last_session']}" if row["last_session"] else ""
        unfinished = ", one unfinished" if row["unfinished"] else ""
        due = f", {row['agreements_due']} due for review" if row["agreements_due"] else ""
        archived = " [archived]" if row["archived"] else ""
        problem = f" (problem: {row['problem']})" if row["problem"] else ""
        _out(
            f"{row['id']}: {names}{with_whom}{archived}; {row['sessions']} session(s){last}"
            f"{unfinished}; {row['agreements_active']} agreement(s){due}{problem}"
        )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from workbook.data.durable import write_atomic
    from workbook.data.layout import is_id
    from workbook.export.documents import export

    store = _store(args)
    if not is_id(args.couple) or args.couple not in store.couple_ids():
        raise Fatal(f'no couple "{args.couple}" in {store.root} (see: workbook couples)')
    if args.include_notes and args.session is None:
        raise Fatal("--include-notes goes with --session: the agreement document has no notes")
    if args.session is not None and (
        not is_id(args.session) or args.session not in store.session_ids(args.couple)
    ):
        raise Fatal(f'{args.couple} has no session "{args.session}"')
    if args.out is not None and _inside(args.out, store.root):
        raise Fatal(
            f"{args.out} is inside the data folder; export to a file outside it, so that no "
            "data file is overwritten"
        )
    library = _library(args)
    document = export(
        store,
        args.couple,
        library.packs,
        date.today(),
        session_id=args.session,
        fmt=args.format,
        include_notes=args.include_notes,
    )
    for path, reason in store.read_only.items():
        _say(sys.stderr, f"note: {path.name}: {reason}")
    for problem in document.problems:
        _say(sys.stderr, f"note: not read: {problem}")
    if args.out is None:
        sys.stdout.write(document.text)
    else:
        write_atomic(args.out, document.text.encode("utf-8"))
        _say(sys.stderr, f"Written to {args.out}")
    return EXIT_OK


def _inside(path: Path, root: Path) -> bool:
    """True when ``path``, links followed, is in the data folder ``root``."""
    import os

    real = Path(os.path.realpath(path))
    return real.is_relative_to(Path(os.path.realpath(root)))


def _note_read_only(store: Any, path: Path) -> None:
    reason = store.read_only.get(path)
    if reason:
        _say(sys.stderr, f"note: {reason}")


def _history(args: argparse.Namespace) -> int:
    from workbook.data.layout import is_id
    from workbook.data.store import DataError
    from workbook.export import history
    from workbook.logic.session_packs import packs_in_use
    from workbook.logic.trends import score_history, trends

    store = _store(args)
    if not is_id(args.couple) or args.couple not in store.couple_ids():
        raise Fatal(f'no couple "{args.couple}" in {store.root} (see: workbook couples)')
    couple = store.load_couple(args.couple)
    _note_read_only(store, store.layout.couple_file(couple.id))
    library = _library(args)
    sessions = []
    for session_id in store.session_ids(couple.id):
        try:
            sessions.append(store.load_session(couple.id, session_id))
        except DataError as error:
            _say(sys.stderr, f"skipped: {error}")
    packs = {pack_id: loaded.pack for pack_id, loaded in library.packs.items() if loaded.pack}
    names = {p.key: p.name for p in couple.partners}
    lines = trends(sessions, packs)
    scores = score_history(sessions, lambda s: packs_in_use(s, store, library.packs))
    render = {"text": history.as_text, "csv": history.as_csv, "json": history.as_json}
    _out(render[args.format](lines, scores, names))
    return EXIT_OK
