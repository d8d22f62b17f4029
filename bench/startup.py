"""Start-up of the workbook to its home screen, against a bare Textual app, in the same run.

The data folder holds one couple with a few sessions and an agreement, as at home. Each run is
a whole process in a pseudo-terminal of 80×24 that starts, draws its screen, and quits: the
bench reads what the process draws, and as soon as the screen is there (the bare app's header
and footer; Home with the couple's row described under the table and the footer's keys) it
types Ctrl+Q, as a person would, and waits for the process to end. The two apps alternate, and
the medians are compared, because these machines are noisy. The target is a ratio of 1.25 or
less.

Both processes may cache their bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped for them, and a
first run of each warms the cache): an installed workbook has its ``.pyc`` files, as Textual has.

``--typed-ahead`` is the older measure: Ctrl+Q is pressed through ``TEXTUAL_PRESS`` the moment
the app is running, before anything is drawn. The bare app then quits without ever drawing its
screen, while the workbook's key gate holds the key until Home is drawn and read; so that ratio
compares a full start-up with half of one.

``--lang es`` starts the workbook with ``--lang es``: Home is drawn in Spanish, so the catalog
is read and every word goes through it; the bench then waits for the Spanish words.

    python bench/startup.py [--runs N] [--typed-ahead] [--lang TAG]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

Bare().run()
"""


# Escape sequences (colours, cursor moves, modes), taken out to read the words drawn.
ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")
CTRL_Q = b"\x11"


def timed(command: list[str], env: dict[str, str], drawn: tuple[bytes, ...] = ()) -> float:
    """Seconds from launch to exit of ``command`` in an 80×24 pseudo-terminal. With ``drawn``,
    Ctrl+Q is typed once every one of those words has been drawn."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)

    def drain() -> None:
        seen = b""
        waiting = bool(drawn)
        try:
            while chunk := os.read(master, 65536):
                if waiting:
                    seen += chunk
                    words = ESCAPES.sub(b"", seen)
                    if all(word in words for word in drawn):
                        waiting = False
                        os.write(master, CTRL_Q)
        except OSError:
            return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise SystemExit(f"{command[-1]}: still running after 60 s (drawn? {drawn})") from None
    elapsed = time.perf_counter() - start
    os.close(master)
    return elapsed


def _a_couple(root: Path) -> None:
    """A data folder as a couple has it after a few weeks: sessions and agreements."""
    from datetime import date

    from workbook.data.store import Store
    from workbook.logic.agreements import add_agreement

    store = Store(root)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    for _ in range(3):
        session = store.new_session(couple.id, ["check-in"])
        store.release_session(couple.id, session.id)

    def change(agreements):  # type: ignore[no-untyped-def]
        add_agreement(
            agreements,
            text="Walk on Sundays",
            made=date(2026, 1, 1),
            session=None,
            source=None,
            review_days=28,
            confirmed_by=["a", "b"],
        )
        return agreements

    store.update_agreements(couple.id, change, lambda agreements: "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--typed-ahead",
        action="store_true",
        help="press Ctrl+Q through TEXTUAL_PRESS at once, before anything is drawn (older)",
    )
    parser.add_argument(
        "--lang", help="start the workbook with --lang TAG (its catalog loaded), e.g. es"
    )
    arguments = parser.parse_args()
    runs = max(arguments.runs, 5)
    language: list[str] = ["--lang", arguments.lang] if arguments.lang else []
    home: tuple[bytes, ...] = (b"Sam and Alex: 3 sessions", b"Quit", b"palette")
    if arguments.lang:
        from workbook.i18n.catalog import translations

        tr = translations(arguments.lang)
        said = tr.ngettext("{count} session", "{count} sessions", 3).format(count=3)
        home = tuple(word.encode() for word in (said, tr.gettext("Quit"), tr.gettext("palette")))
    with tempfile.TemporaryDirectory() as data:
        _a_couple(Path(data) / "wb")
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "WORKBOOK_DATA_DIR": str(Path(data) / "wb"),
        }
        env.pop("WORKBOOK_EXERCISES", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if arguments.typed_ahead:
            env["TEXTUAL_PRESS"] = "ctrl+q"
        # What each screen shows once it is there: the bare app's title and footer; Home's
        # description of the couple (written once the couples are read) and its footer.
        screens: dict[str, tuple[list[str], tuple[bytes, ...]]] = {
            "bare Textual app (Header + Footer)": (
                [sys.executable, "-c", BARE_APP],
                (b"Bare", b"palette"),
            ),
            "workbook (home screen)": ([sys.executable, "-m", "workbook", *language], home),
        }
        if arguments.typed_ahead:
            screens = {name: (command, ()) for name, (command, _) in screens.items()}
        for command, drawn in screens.values():
            timed(command, env, drawn)  # warm the file and bytecode caches once
        times: dict[str, list[float]] = {name: [] for name in screens}
        for _ in range(runs):
            for name, (command, drawn) in screens.items():
                times[name].append(timed(command, env, drawn))
    bare, ours = (statistics.median(samples) for samples in times.values())
    how = "Ctrl+Q typed ahead" if arguments.typed_ahead else "Ctrl+Q typed once it is drawn"
    print(f"median of {runs} alternating runs, each a whole process to its screen ({how})")
    for name, samples in times.items():
        print(f"  {name:<36} {statistics.median(samples) * 1000:7.1f} ms")
    print(f"  ratio workbook / bare: {ours / bare:.2f} (target 1.25 or less)")


if __name__ == "__main__":
    main()
