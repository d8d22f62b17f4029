"""``schedule``: the couple's next appointment."""

from __future__ import annotations

import argparse
from datetime import date

from workbook.cli import common
from workbook.cli.output import EXIT_OK, out


def schedule(args: argparse.Namespace) -> int:
    from workbook.service import goals
    from workbook.service.when import parse_when

    store = common.store(args)
    clear = args.when.strip().lower() in ("none", "clear")
    when = None if clear else parse_when(args.when, date.today())
    goals.schedule(store, args.couple, when)
    if when is None:
        out(f"{args.couple} has no next appointment now.")
    else:
        out(f"Next appointment for {args.couple}: {when.isoformat(' ', 'minutes')}.")
    return EXIT_OK
