"""``export`` and ``history``: a couple's documents, on stdout or into a file."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from workbook.cli import common
from workbook.cli.output import EXIT_OK, err, out


def export(args: argparse.Namespace) -> int:
    from workbook.service import documents

    store = common.store(args)
    exported = documents.export(
        store,
        args.couple,
        lambda: common.library(args).packs,
        date.today(),
        session_id=args.session,
        fmt=args.format,
        include_notes=args.include_notes,
        case=args.case,
        out=args.out,
    )
    for note in exported.notes:
        err(f"note: {note}")
    if args.out is None:
        sys.stdout.write(exported.document.text)
    else:
        # A folder gets the name the app uses in the couple's exports folder.
        written = documents.write(exported.document, args.out)
        err(f"Written to {written}")
    return EXIT_OK


def history(args: argparse.Namespace) -> int:
    from workbook.service import documents

    store = common.store(args)
    text = documents.history(
        store,
        args.couple,
        lambda: common.library(args).packs,
        args.format,
        lambda what, said: err(f"{what}: {said}"),
        excel=args.excel,
    )
    out(text)
    return EXIT_OK
