"""Home on an encrypted caseload of 200 couples, against the same caseload in plain files.

The same couples are written twice, one folder then encrypted (``workbook encrypt``). The one
key derivation (age's scrypt, about a second on purpose) happens once, before timing; then, in
turns, each folder is opened: the app itself until the Home screen is drawn (the target: within
1.5x of plain), and, for information, what Home reads of every couple when it has no index
(``Store.overview``: every file decrypted, and its header checked, one by one). Prints the
medians and the ratios.

    python bench/encrypted_home.py [--couples 200] [--sessions 5] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from workbook.data import crypt_folder
from workbook.data.models import Agreements
from workbook.data.store import Store
from workbook.logic.agreements import add_agreement
from workbook.packs.library import load_library

PASSPHRASE = "a bench passphrase"
MADE = date(2026, 1, 5)


def fill(root: Path, couples: int, sessions: int) -> None:
    store = Store(root)
    store.prepare()
    start = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
    for number in range(couples):
        couple = store.create_couple(f"Partner {number}", f"Other {number}", "Dr. Lee")
        for week in range(sessions):
            session = store.new_session(couple.id, ["check-in"], when=start + timedelta(weeks=week))
            session.set_answer("check-in", "overall", {"a": "Fine week", "b": "Busy week"})
            store.save_session(couple.id, session, stamp=False)
            store.release_session(couple.id, session.id)

        def change(agreements: Agreements) -> Agreements:
            add_agreement(
                agreements,
                text="Walk on Sundays",
                made=MADE,
                session="x",
                source=None,
                review_days=28,
                confirmed_by=["a", "b"],
            )
            return agreements

        store.update_agreements(couple.id, change, lambda _: "# Agreement\n")
    store.close()


def overview(root: Path) -> float:
    started = time.perf_counter()
    store = Store(root)
    for couple_id in store.couple_ids():
        store.overview(couple_id, date.today())
    return time.perf_counter() - started


async def home(root: Path) -> float:
    from workbook.tui.app import WorkbookApp
    from workbook.tui.screens.home import HomeScreen

    library = load_library(environ={})
    started = time.perf_counter()
    app = WorkbookApp(Store(root), library, theme="textual-dark")
    async with app.run_test(size=(100, 40)) as pilot:
        while not isinstance(app.screen, HomeScreen):
            await pilot.pause()
        await pilot.pause()
        elapsed = time.perf_counter() - started
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--couples", type=int, default=200)
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plain, sealed = Path(folder) / "plain", Path(folder) / "sealed"
        fill(plain, args.couples, args.sessions)
        shutil.copytree(plain, sealed)
        crypt_folder.encrypt(sealed, PASSPHRASE, lambda code: None)
        derive = time.perf_counter()
        crypt_folder.open_folder(sealed, PASSPHRASE, lambda code: None)
        derive = time.perf_counter() - derive
        times: dict[str, dict[Path, list[float]]] = {"overview": {}, "home": {}}
        for _ in range(args.runs):
            for root in (plain, sealed):
                times["overview"].setdefault(root, []).append(overview(root))
                times["home"].setdefault(root, []).append(asyncio.run(home(root)))
        print(
            f"{args.couples} couples, {args.sessions} sessions each; key derivation "
            f"{derive:.2f} s (once, not counted)"
        )
        for what, by_root in times.items():
            p, s = statistics.median(by_root[plain]), statistics.median(by_root[sealed])
            target = "target <= 1.5" if what == "home" else "no index: for information"
            print(
                f"{what:9} plain {p * 1000:7.1f} ms  encrypted {s * 1000:7.1f} ms  "
                f"ratio {s / p:.2f} ({target})"
            )


if __name__ == "__main__":
    main()
