"""The commands that open a window: the workbook itself (``start``, or no command), the
counsellor's console (``facilitate``), and ``serve``, which puts both in a browser. Each checks
what it is asked for before Textual is loaded, so a mistake ends at once with a message."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Any

from workbook.cli import common
from workbook.cli.output import EXIT_OK, Fatal, err, out
from workbook.serve.env import SEAT


def open_workbook(args: argparse.Namespace) -> int:
    # Start-up allocates the objects of some 400 modules, all kept for good; the collector
    # would walk them again and again for nothing (about a tenth of start-up). It waits until
    # the window runs (``Host.run``).
    gc.disable()
    try:
        return _open_workbook(args)
    finally:
        gc.enable()


def _open_workbook(args: argparse.Namespace) -> int:
    from workbook.service import caseload

    # The app asks for an encrypted folder's passphrase itself, unless it is given in a file.
    store = common.store(args, unlock=getattr(args, "passphrase_file", None) is not None)
    couple = getattr(args, "couple", None)
    packs = list(getattr(args, "pack", []) or [])
    if couple is not None:
        caseload.require_couple(store, couple)
        seat = os.environ.get(SEAT)
        if seat in ("a", "b"):
            return _own_seat(args, store, couple, seat)
    if packs and couple is None:
        couples = store.couple_ids()
        if len(couples) > 1:
            raise Fatal(
                f"there are {len(couples)} couples here: say whose session it is with "
                "--couple ID (see: workbook couples)"
            )
        # With one couple it can only be theirs; with none, the app asks for the names first.
        couple = couples[0] if couples else None
    library: Any = lambda: common.library(args, quiet=True)  # noqa: E731 - loaded when needed
    if packs:
        library = common.library(args, quiet=True)
        unknown = [p for p in packs if p not in library.packs]
        if unknown:
            raise Fatal(f"no pack {', '.join(unknown)} in the library (see: workbook list)")
    from workbook.tui.app import WorkbookApp

    run_app(WorkbookApp(store, library, couple_id=couple, packs=packs))
    return EXIT_OK


def _own_seat(args: argparse.Namespace, store: Any, couple_id: str, seat: str) -> int:
    """A partner's own seat (serve --couple): the couple's apart session, as this partner sees
    it (``tui/seat.py``)."""
    from workbook.tui.seat import SeatApp

    library: Any = lambda: common.library(args, quiet=True)  # noqa: E731 - loaded when needed
    run_app(SeatApp(store, library, couple_id=couple_id, partner=seat))
    return EXIT_OK


def facilitate(args: argparse.Namespace) -> int:
    from workbook.service import caseload
    from workbook.service.follow import walking_now

    store = common.store(args)
    couple_id: str | None = args.couple
    if couple_id is not None:
        caseload.require_couple(store, couple_id)
    session_id = args.session
    if session_id is not None:
        if couple_id is None:
            raise Fatal("--session needs the couple too: workbook facilitate COUPLE --session ID")
        caseload.require_session(store, couple_id, session_id)
    else:
        # The unfinished session saved last (the named couple's, or any couple's); with none
        # yet, the console waits for one to begin, on a screen a person watches (a terminal,
        # or the console link of workbook serve). A script is told at once.
        found = walking_now(store, None if couple_id is None else [couple_id])
        if found is not None:
            couple_id, session_id = found
        elif not watched():
            who = "no couple has" if couple_id is None else f"{couple_id} has"
            raise Fatal(
                f"{who} an unfinished session to follow: start one in the couple's window "
                "(in a terminal, the console waits for it)"
            )
    if couple_id is not None:
        store.load_couple(couple_id)
    from workbook.tui.console import ConsoleApp

    run_app(ConsoleApp(store, lambda: common.library(args, quiet=True), couple_id, session_id))
    return EXIT_OK


def run_app(app: Any) -> None:
    """Run a window; served, its crashes are told without the couple's words."""
    from workbook.serve.env import served

    if served():
        from workbook.tui.crash import plain_crashes

        plain_crashes(app)
    app.run()


def watched() -> bool:
    """True when a person watches the app: a terminal, or a browser through workbook serve."""
    from workbook.serve.env import served

    return served() or (sys.stdin.isatty() and sys.stdout.isatty())


def serve(args: argparse.Namespace) -> int:
    from workbook.serve.address import check_address
    from workbook.service.folder import data_folder

    warning = check_address(args.host, args.public_url)
    if isinstance(warning, Exception):
        raise Fatal(str(warning))
    if not 0 < args.port < 65536:
        raise Fatal(f"--port {args.port} is not a port (1 to 65535)")
    try:
        from workbook.serve.links import couple_links, default_links
        from workbook.serve.server import ServeError, WorkbookServer
    except ImportError as error:
        # textual-serve is a dependency: this is an install that lost a part of it.
        raise Fatal(
            f"workbook serve needs textual-serve ({error.name} is missing); install it again "
            "with: pip install --force-reinstall workbook"
        ) from error
    if getattr(args, "passphrase_file", None) is not None:
        raise Fatal(
            "workbook serve takes no --passphrase-file: an encrypted folder asks for its "
            "passphrase in the browser, in each window that opens it"
        )
    if warning:
        err(f"warning: {warning}")
    root = data_folder(args.data_dir).resolve()
    exercises = list(args.exercises or [])
    if args.couple is None:
        links = default_links(root, exercises)
    else:
        links = couple_links(root, args.couple, _names_of(args, args.couple), exercises)
    server = WorkbookServer(
        links,
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        announce=_announce,
    )
    try:
        server.serve()
    except ServeError as error:
        raise Fatal(str(error)) from error
    return EXIT_OK


def _names_of(args: argparse.Namespace, couple_id: str) -> tuple[str, str]:
    """The partners' names for their links; in an encrypted folder, which serve never unlocks,
    the links name the partners by their place."""
    from workbook.service import caseload
    from workbook.text import clean_line

    store = common.store(args, unlock=False)
    caseload.require_couple(store, couple_id)
    try:
        first, second = store.load_couple(couple_id).names
    except Exception:
        return ("The first partner", "The second partner")
    return clean_line(first), clean_line(second)


def _announce(text: str) -> None:
    # The links are read as they come, by a person or a test, so each line is flushed.
    out(text)
    sys.stdout.flush()
