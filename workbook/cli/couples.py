"""``couples``: the couples in the data folder, one line each or as JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date

from workbook.cli import common
from workbook.cli.output import EXIT_OK, err, out


def couples(args: argparse.Namespace) -> int:
    from workbook.service import caseload

    store = common.store(args)
    # Read through Home's index where the couples' files have not changed, but never written:
    # a command that lists changes no file.
    found = caseload.caseload(store, date.today(), save=False)
    for folder, reason in found.unreadable:
        err(f"skipped: {store.layout.couple_file(folder)}: {reason}")
    rows = caseload.rows(found, archived=args.all)
    if args.json:
        out(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        hidden = sum(1 for overview in found.couples if overview.archived)
        if hidden:
            out(f"No current couples in {store.root}: {hidden} archived (see --all).")
        else:
            out(f"No couples yet in {store.root}.")
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
        out(
            f"{row['id']}: {names}{with_whom}{archived}{care}; {row['sessions']} session(s){last}"
            f"{unfinished}; {row['agreements_active']} agreement(s){due}{problem}"
        )
    return EXIT_OK
