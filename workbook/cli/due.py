"""``due``: open homework (overdue first) and agreements due for review, one line each or as
JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date

from workbook.cli import common
from workbook.cli.output import EXIT_OK, err, out


def due(args: argparse.Namespace) -> int:
    from workbook.service.due import due as listed

    store = common.store(args)
    found = listed(store, date.today(), args.couple)
    for problem in found.problems:
        err(f"note: {problem}")
    if args.json:
        out(json.dumps([item.row() for item in found.items], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not found.items:
        out("Nothing is due.")
        return EXIT_OK
    for item in found.items:
        when = f"due {item.due.isoformat()}" if item.due else "no day set"
        late = " (overdue)" if item.overdue else ""
        what = f"homework: {item.pack}" if item.what == "homework" else "review: " + item.text
        out(f"{item.couple}: {what}, {when}{late}")
    return EXIT_OK
