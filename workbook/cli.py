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
        from workbook.data.key_files import CryptError
        from workbook.data.store import DataError

        if isinstance(error, DataError | SaveError | OSError | CryptError):
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
    validate.add_argument(
        "--format",
        choices=("full", "short", "json"),
        default="full",
        help="full: the line, a caret and help (default); short: first lines only; json: data",
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    validate.set_defaults(run=_validate)

    schema = command("schema", "print the JSON Schema of the pack format")
    schema.set_defaults(run=_schema)

    trying = command(
        "try",
        "walk one pack file with a sample couple in a throwaway data folder; saving the file "
        "reloads it (F5 too)",
    )
    trying.add_argument(
        "pack", metavar="PACK", type=Path, help="the pack file to try, or a folder with one"
    )
    trying.set_defaults(run=_try)

    couples = command("couples", "the couples in the data folder")
    couples.add_argument("--json", action="store_true", help="print JSON")
    couples.add_argument("--all", action="store_true", help="archived couples too")
    couples.set_defaults(run=_couples)

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
    export.set_defaults(run=_export)

    encrypt = command("encrypt", "turn encryption at rest on for the data folder")
    encrypt.set_defaults(run=_encrypt)
    decrypt = command("decrypt", "turn encryption at rest off for the data folder")
    decrypt.set_defaults(run=_decrypt)
    rekey = command("rekey", "a new data key, every file sealed again, a new recovery code")
    rekey.set_defaults(run=_rekey)
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
    passphrase.set_defaults(run=_passphrase)

    practice = command("pin", "the practice PIN that guards the caseload from a couple's window")
    practice.add_argument("action", choices=("set", "clear"), help="set a new PIN, or clear it")
    practice.add_argument(
        "--pin-file", metavar="FILE", type=Path, help="read the new PIN from the first line of FILE"
    )
    practice.set_defaults(run=_pin)

    serve = command(
        "serve", "the workbook in a browser: a private link for the couple and one for the console"
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
    serve.set_defaults(run=_serve)

    history = command("history", "check-in trends and scores")
    history.add_argument("couple", metavar="COUPLE")
    history.add_argument("--format", choices=("text", "csv", "json"), default="text")
    history.set_defaults(run=_history)

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
    facilitate.set_defaults(run=_facilitate)

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
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        default=default,
        help="an encrypted data folder's passphrase, read from the first line of FILE",
    )


def _open_workbook(args: argparse.Namespace) -> int:
    from workbook.data.layout import is_id

    # The app asks for an encrypted folder's passphrase itself, unless it is given in a file.
    store = _store(args, unlock=getattr(args, "passphrase_file", None) is not None)
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
    from rich.cells import cell_len

    from workbook.text import one_width

    # A heart is shown as the screen shows it (one cell, with no emoji selector), and columns
    # are padded by the cells a terminal draws, not by characters: 日本 takes four.
    table = [
        (
            r["id"],
            one_width(r["title"]),
            f"{r['minutes']} min" if r["minutes"] else "-",
            one_width(", ".join(r["topics"])) or "-",
            r["file"],
        )
        for r in rows
    ]

    widths = [max(cell_len(row[i]) for row in table) for i in range(4)]
    for row in table:
        cells = (cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(row[:4]))
        _out("  ".join(cells) + "  " + row[4])
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from workbook.packs.fixes import Source
    from workbook.packs.library import Library, pack_files
    from workbook.packs.load import load_pack
    from workbook.packs.locate import Position
    from workbook.packs.problems import ERROR, Problem
    from workbook.packs.report import as_data, full

    files: list[Path] = []
    for path in args.paths:
        if path.is_dir():
            files += pack_files(path)
        elif path.exists():
            files.append(path)
        else:
            raise Fatal(f"{path}: no such file or folder")
    checked = Library()
    found: list[Problem] = []
    printed = 0
    for file in dict.fromkeys(files):
        loaded = load_pack(file)
        before = len(checked.notes)
        checked.add(loaded)
        notes = [Problem(file, Position(1, 1), (), note) for note in checked.notes[before:]]
        shown = [*loaded.problems, *loaded.warnings, *notes]
        found += shown
        if args.format == "json":
            continue
        source = Source(loaded.raw.decode("utf-8-sig", "replace")) if loaded.raw else None
        for problem in shown:
            if args.format == "full":
                # A blank line between problems, as compilers leave.
                _out(("\n" if printed else "") + full(problem, source))
            else:
                _out(str(problem))
            printed += 1
    if args.format == "json":
        _out(json.dumps([as_data(p) for p in found], indent=2, ensure_ascii=False))
    errors = sum(1 for p in found if p.severity == ERROR)
    warnings = len(found) - errors
    count = len(dict.fromkeys(files))
    said = _count(errors, "problem") if errors else "no problems"
    if warnings:
        said += f", {_count(warnings, 'warning')}"
    _say(sys.stderr, f"{_count(count, 'pack file')} checked: {said}")
    return EXIT_PROBLEMS if errors or (warnings and args.strict) else EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _try(args: argparse.Namespace) -> int:
    pack = args.pack
    if pack.is_dir():
        from workbook.packs.library import pack_files

        found = pack_files(pack)
        if not found:
            raise Fatal(f"{pack}: no pack files (*.toml) in this folder")
        if len(found) > 1:
            listed = "\n".join(f"  workbook try {file}" for file in found)
            raise Fatal(f"{pack} holds {len(found)} packs; try one of them:\n{listed}")
        pack = found[0]
    elif not pack.is_file():
        raise Fatal(f"{pack}: no such pack file or folder")
    from workbook.tui.trying import try_pack

    try_pack(pack)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from workbook.packs.schema import pack_schema

    _out(json.dumps(pack_schema(), indent=2))
    return EXIT_OK


def _store(args: argparse.Namespace, *, unlock: bool = True) -> Any:
    from workbook.data.layout import data_folder
    from workbook.data.store import Store

    root = data_folder(args.data_dir)
    if unlock:
        _unlock(args, root)
    return Store(root)


# Encrypted data folders

MIN_PASSPHRASE = 8
WRONG = "That passphrase does not open this folder."


def _read_secret(file: Path, what: str) -> str:
    from workbook.reading import Unreadable, read_limited

    try:
        lines = read_limited(file, 10_000).decode("utf-8", "replace").splitlines()
    except Unreadable as error:
        raise Fatal(f"{file}: {error.reason}") from error
    if not lines or not lines[0]:
        raise Fatal(f"{file}: the first line, the {what}, is empty")
    return lines[0]


def _ask(prompt: str) -> str:
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError as error:
        raise Fatal("no passphrase was given (use --passphrase-file FILE)") from error


def _new_secret(file: Path | None, what: str = "passphrase") -> str:
    """A new passphrase: from ``file``, or typed twice without echo."""
    if file is not None:
        secret = _read_secret(file, what)
    else:
        for _ in range(3):
            secret = _ask(f"New {what}: ")
            if len(secret) < MIN_PASSPHRASE:
                _say(sys.stderr, f"Please use at least {MIN_PASSPHRASE} characters.")
                continue
            if _ask(f"The {what} again: ") == secret:
                break
            _say(sys.stderr, "The two did not match; please try again.")
        else:
            raise Fatal(f"no new {what} was set")
    if len(secret) < MIN_PASSPHRASE:
        raise Fatal(f"the {what} must have at least {MIN_PASSPHRASE} characters")
    return secret


def _with_secret(args: argparse.Namespace, root: Path, attempt: Any) -> Any:
    """``attempt(passphrase)`` with the passphrase from the file, or asked up to three times;
    a folder whose key.age cannot be used is refused before any is asked."""
    from workbook.data.vault import CryptUnavailable, WrongSecret

    _check_keys(root)
    file = getattr(args, "passphrase_file", None)
    for _ in range(1 if file is not None else 3):
        secret = _read_secret(file, "passphrase") if file else _ask(f"Passphrase for {root}: ")
        try:
            return attempt(secret)
        except WrongSecret:
            _say(sys.stderr, f"{WRONG} (Lost it? workbook passphrase --lost)")
        except CryptUnavailable as error:
            raise Fatal(str(error)) from error
    raise Fatal(WRONG)


def _show_code(code: str) -> None:
    _say(
        sys.stderr,
        "Your recovery code (it opens the folder if the passphrase is lost; write it down and "
        "keep it away from this computer; it is not shown again, and it replaces any code "
        "shown before):",
    )
    _out(f"    {code}")


def _check_keys(root: Path) -> None:
    """Refuse an encrypted folder whose key.age is missing, damaged, a folder or a link, with
    what to do; nothing is read or written."""
    from workbook.data import key_files

    problem = key_files.problem(root)
    if problem is not None:
        raise Fatal(problem)


def _unlock(args: argparse.Namespace, root: Path) -> None:
    """Ask for the passphrase of an encrypted folder, and finish an interrupted run."""
    from workbook.data import crypt_folder, key_files

    if not crypt_folder.needs_key(root):
        return
    _with_secret(args, root, lambda s: crypt_folder.open_folder(root, s, _show_code))
    missing = key_files.recovery_problem(root)
    if missing is not None:
        _say(sys.stderr, f"note: {missing}")


def _encrypt(args: argparse.Namespace) -> int:
    from workbook.data import crypt_folder, vault
    from workbook.data.layout import data_folder

    root = data_folder(args.data_dir)
    # A folder that was ever encrypted never gets a second key (nor a new recovery file).
    _check_keys(root)
    try:
        vault.Key.generate()
    except vault.CryptUnavailable as error:
        raise Fatal(str(error)) from error
    current = crypt_folder.state(root)
    if current == crypt_folder.ENCRYPTED:
        raise Fatal(f"{root} is already encrypted")
    if current == crypt_folder.REKEYING:
        raise Fatal(f"a rekey of {root} was interrupted: run workbook rekey to finish it")
    if current == crypt_folder.ENCRYPTING:
        _say(sys.stderr, "Finishing the encryption that was interrupted.")
        _with_secret(
            args, root, lambda s: _try_crypt(lambda: crypt_folder.encrypt(root, s, _show_code))
        )
    else:
        secret = _new_secret(getattr(args, "passphrase_file", None))
        _try_crypt(lambda: crypt_folder.encrypt(root, secret, _show_code))
    _say(sys.stderr, f"{root} is encrypted. Every command and the app now ask for the passphrase.")
    return EXIT_OK


def _encrypted_folder(args: argparse.Namespace) -> Path:
    """The data folder, which must be encrypted (for decrypt, rekey and passphrase)."""
    from workbook.data import crypt_folder
    from workbook.data.layout import data_folder

    root = data_folder(args.data_dir)
    if crypt_folder.state(root) == crypt_folder.PLAIN:
        raise Fatal(f"{root} is not encrypted")
    return root


def _rekey(args: argparse.Namespace) -> int:
    from workbook.data import crypt_folder
    from workbook.data.rekey import rekey

    root = _encrypted_folder(args)
    _check_keys(root)
    if crypt_folder.state(root) == crypt_folder.REKEYING:
        _say(sys.stderr, "Finishing the rekey that was interrupted.")
    _with_secret(args, root, lambda s: _try_crypt(lambda: rekey(root, s, _show_code)))
    _say(
        sys.stderr,
        f"{root} has a new data key: every file is sealed again, and only the new recovery code "
        "opens it. An old key.age, the old recovery code, and copies of the files made before "
        "now do not open anything written from now on.",
    )
    return EXIT_OK


def _decrypt(args: argparse.Namespace) -> int:
    from workbook.data import crypt_folder

    root = _encrypted_folder(args)
    _with_secret(args, root, lambda s: _try_crypt(lambda: crypt_folder.decrypt(root, s)))
    _say(sys.stderr, f"{root} is decrypted: its files are plain TOML again.")
    return EXIT_OK


def _passphrase(args: argparse.Namespace) -> int:
    from workbook.data import crypt_keys, key_files, vault

    root = _encrypted_folder(args)
    if args.lost:
        # The recovery code works with key.age there, missing or damaged: it writes a new one.
        recovery = key_files.file_problem(root / vault.RECOVERY_FILE)
        if recovery is not None:
            wrong = "is missing" if recovery == "missing" else recovery
            raise Fatal(
                f"key.recovery.age in {root} {wrong}, so no recovery code can open the folder; "
                "restore key.recovery.age (or key.age) from a backup"
            )
        code = (
            _read_secret(args.recovery_code_file, "recovery code")
            if args.recovery_code_file
            else _ask("Recovery code: ")
        )
        new = _new_secret(args.new_passphrase_file)
        try:
            _try_crypt(lambda: crypt_keys.recover(root, code, new))
        except vault.WrongSecret as error:
            raise Fatal("that recovery code does not open this folder") from error
        _say(
            sys.stderr,
            "The passphrase is set: key.age is written anew. No data file was rewritten.",
        )
        return EXIT_OK
    key = _with_secret(args, root, lambda s: _try_crypt(lambda: key_files.unwrap(root, s)))
    if args.new_recovery_code:
        _try_crypt(lambda: crypt_keys.new_recovery_code(root, key, _show_code))
        _say(sys.stderr, "key.recovery.age is written anew; the code before it no longer works.")
        return EXIT_OK
    new = _new_secret(args.new_passphrase_file)
    _try_crypt(lambda: crypt_keys.change_passphrase(root, key, new))
    _say(sys.stderr, "The passphrase is changed. No data file was rewritten.")
    return EXIT_OK


def _pin(args: argparse.Namespace) -> int:
    """``workbook pin set`` / ``clear``: the practice PIN, kept only as a salted scrypt hash."""
    from workbook.data import pin

    store = _store(args)
    if store.encrypted:
        raise Fatal(
            "this data folder is encrypted: its passphrase is the practice lock, and no PIN "
            "is needed (or used)"
        )
    if args.action == "clear":
        store.save_settings({}, forget=(pin.SETTING,))
        _say(sys.stderr, "The practice PIN is cleared.")
        return EXIT_OK
    if args.pin_file is not None:
        secret = _read_secret(args.pin_file, "PIN")
    else:
        for _ in range(3):
            secret = _ask("New practice PIN: ")
            wrong = pin.problem(secret)
            if wrong is None and _ask("The PIN again: ") != secret:
                wrong = "the two did not match"
            if wrong is None:
                break
            _say(sys.stderr, f"Not set: {wrong}. Please try again.")
        else:
            raise Fatal("no practice PIN was set")
    wrong = pin.problem(secret)
    if wrong is not None:
        raise Fatal(wrong)
    store.save_settings({pin.SETTING: pin.hashed(secret)})
    _say(
        sys.stderr,
        "The practice PIN is set: from a couple's window, the caseload now opens only with it. "
        "settings.toml keeps a salted hash of it, never the PIN.",
    )
    return EXIT_OK


def _try_crypt(run: Any) -> Any:
    from workbook.data.crypt_folder import CryptError
    from workbook.data.vault import CryptUnavailable

    try:
        return run()
    except (CryptError, CryptUnavailable) as error:
        raise Fatal(str(error)) from error


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
                # When and in which session; never who answered.
                "care_flag": (
                    {"raised": overview.care[0] or None, "session": overview.care[1] or None}
                    if overview.care is not None
                    else None
                ),
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
        care = " [care flag]" if row["care_flag"] else ""
        problem = f" (problem: {row['problem']})" if row["problem"] else ""
        _out(
            f"{row['id']}: {names}{with_whom}{archived}{care}; {row['sessions']} session(s){last}"
            f"{unfinished}; {row['agreements_active']} agreement(s){due}{problem}"
        )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from workbook.data.layout import is_id
    from workbook.data.places import write_atomic
    from workbook.export.documents import export

    store = _store(args)
    if not is_id(args.couple) or args.couple not in store.couple_ids():
        raise Fatal(f'no couple "{args.couple}" in {store.root} (see: workbook couples)')
    if args.include_notes and args.session is None and not args.case:
        raise Fatal(
            "--include-notes goes with --session or --case: the agreement document has no notes"
        )
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
        case=args.case,
    )
    for path, reason in store.read_only.items():
        _say(sys.stderr, f"note: {path.name}: {reason}")
    for problem in document.problems:
        _say(sys.stderr, f"note: not read: {problem}")
    if args.out is None:
        sys.stdout.write(document.text)
    else:
        # A folder gets the name the app uses in the couple's exports folder.
        out = args.out / document.name if args.out.is_dir() else args.out
        write_atomic(out, document.text.encode("utf-8"))
        _say(sys.stderr, f"Written to {out}")
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


def _serve(args: argparse.Namespace) -> int:
    from workbook.data.layout import data_folder
    from workbook.serving import check_address

    warning = check_address(args.host, args.public_url)
    if isinstance(warning, Exception):
        raise Fatal(str(warning))
    if not 0 < args.port < 65536:
        raise Fatal(f"--port {args.port} is not a port (1 to 65535)")
    try:
        from workbook.tui.serve.server import WorkbookServer, default_links
    except ImportError as error:
        raise Fatal(
            f"workbook serve needs textual-serve ({error.name} is missing); install it with: "
            "pip install 'workbook[serve]'"
        ) from error
    if getattr(args, "passphrase_file", None) is not None:
        raise Fatal(
            "workbook serve takes no --passphrase-file: an encrypted folder asks for its "
            "passphrase in the browser, in each window that opens it"
        )
    if warning:
        _say(sys.stderr, f"warning: {warning}")
    root = data_folder(args.data_dir).resolve()
    exercises = list(args.exercises or [])
    server = WorkbookServer(
        default_links(root, exercises),
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        announce=_announce,
    )
    server.serve()
    return EXIT_OK


def _announce(text: str) -> None:
    # The links are read as they come, by a person or a test, so each line is flushed.
    _out(text)
    sys.stdout.flush()


def _facilitate(args: argparse.Namespace) -> int:
    from workbook.data.layout import is_id
    from workbook.logic.live import walking_now

    store = _store(args)
    couple_id: str | None = args.couple
    if couple_id is not None and (not is_id(couple_id) or couple_id not in store.couple_ids()):
        raise Fatal(f'no couple "{couple_id}" in {store.root} (see: workbook couples)')
    session_id = args.session
    if session_id is not None:
        if couple_id is None:
            raise Fatal("--session needs the couple too: workbook facilitate COUPLE --session ID")
        if not is_id(session_id) or session_id not in store.session_ids(couple_id):
            raise Fatal(f'{couple_id} has no session "{session_id}"')
    else:
        # The unfinished session saved last (the named couple's, or any couple's); with none
        # yet, the console waits for one to begin, on a screen a person watches (a terminal,
        # or the console link of workbook serve). A script is told at once.
        found = walking_now(store, None if couple_id is None else [couple_id])
        if found is not None:
            couple_id, session_id = found
        elif not _watched():
            who = "no couple has" if couple_id is None else f"{couple_id} has"
            raise Fatal(
                f"{who} an unfinished session to follow: start one in the couple's window "
                "(in a terminal, the console waits for it)"
            )
    if couple_id is not None:
        store.load_couple(couple_id)
    from workbook.tui.console import ConsoleApp

    ConsoleApp(store, lambda: _library(args, quiet=True), couple_id, session_id).run()
    return EXIT_OK


def _watched() -> bool:
    """True when a person watches the app: a terminal, or a browser through workbook serve."""
    from workbook.tui import keys

    return keys.served() or (sys.stdin.isatty() and sys.stdout.isatty())


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
    names = {p.key: p.name for p in couple.partners}
    # Trends and scores both read each session with the pack versions it kept.
    kept = {s.id: packs_in_use(s, store, library.packs) for s in sessions}
    lines = trends(sessions, lambda s: kept[s.id])
    scores = score_history(sessions, lambda s: kept[s.id])
    render = {"text": history.as_text, "csv": history.as_csv, "json": history.as_json}
    _out(render[args.format](lines, scores, names))
    return EXIT_OK
