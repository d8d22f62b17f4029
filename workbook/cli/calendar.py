"""``calendar``: appointments, homework due dates and reviews as an iCalendar file, naming
no one unless ``--names``."""

from __future__ import annotations

import argparse

from workbook.cli import common
from workbook.cli.output import EXIT_OK, err


def calendar(args: argparse.Namespace) -> int:
    from workbook.data.dates import now
    from workbook.export.document import Document
    from workbook.service import calendar as made
    from workbook.service.documents import inside, write
    from workbook.service.errors import Refused

    store = common.store(args)
    if inside(args.out, store.root):
        raise Refused(f"{args.out} is inside the data folder; write the calendar outside it")
    titles = {
        pack_id: loaded.pack.title
        for pack_id, loaded in common.library(args).packs.items()
        if loaded.pack is not None
    }
    found = made.make(store, now(), titles, args.couple, names=args.names)
    for problem in found.problems:
        err(f"note: {problem}")
    written = write(Document(found.text, "Calendar", "calendar.ics"), args.out)
    named = "with names" if args.names else "initials only"
    err(f"Written to {written}: {found.events} event(s), {named}")
    return EXIT_OK
