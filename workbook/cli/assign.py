"""``assign``: homework for a couple, from their counsellor."""

from __future__ import annotations

import argparse
from datetime import date

from workbook.cli import common
from workbook.cli.output import EXIT_OK, out


def assign(args: argparse.Namespace) -> int:
    from workbook.data.dates import now
    from workbook.service import homework
    from workbook.service.when import parse_day

    store = common.store(args)
    due = parse_day(args.due, date.today()) if args.due else None
    library = common.library(args)
    given = homework.assign(
        store, args.couple, args.pack, library.packs, now(), due, args.note or ""
    )
    item = given.homework
    by = f" by {item.due.isoformat()}" if item.due else ""
    out(f"Assigned {item.pack} to {args.couple}{by} (homework {item.id}).")
    return EXIT_OK
