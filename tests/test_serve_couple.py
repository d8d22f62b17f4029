"""``workbook serve --couple ID``: four named links (both at one screen, each partner's own
device, the console), each opening that couple only; an unknown couple stops before any link."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="workbook serve needs textual-serve")

from tests.serve_helpers import free_port
from workbook.cli import main
from workbook.data.store import Store
from workbook.serve.links import SEAT, SEATS, couple_links


def test_serve_with_a_couple_prints_four_named_links(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.prepare()
    couple = store.create_couple("Lia", "Ben", "Dr. Lee")
    command = [sys.executable, "-m", "workbook", "--data-dir", str(tmp_path / "data"), "serve"]
    command += ["--port", str(free_port()), "--couple", couple.id]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=dict(os.environ))
    assert process.stdout is not None
    said: list[str] = []
    try:
        while sum("?token=" in line for line in said) < 4:
            line = process.stdout.readline()
            assert line, f"serve stopped: {said!r}"
            said.append(line)
    finally:
        process.terminate()
        process.wait(timeout=30)
    links = dict(re.findall(r"^\s+(.+?): (http://\S+\?token=\S+)$", "".join(said), re.MULTILINE))
    assert list(links) == [
        "Lia and Ben, both at one screen",
        "Lia, on their own device",
        "Ben, on their own device",
        "the counsellor's console",
    ]
    paths = [url.split("?")[0].rsplit("/", 1)[1] for url in links.values()]
    assert paths == ["couple", "a", "b", "console"]


def test_each_link_opens_that_couple_only(tmp_path: Path) -> None:
    couple, first, second, console = couple_links(tmp_path, "lia-and-ben", ("Lia", "Ben"))
    for link in (couple, first, second):
        assert link.command[-3:] == ["start", "--couple", "lia-and-ben"]
    assert console.command[-2:] == ["facilitate", "lia-and-ben"]
    assert (first.environment.get(SEAT), second.environment.get(SEAT)) == ("a", "b")
    assert SEAT not in couple.environment
    # The console may issue a new link for any of the three seats.
    assert "couple" in console.environment[SEATS]
    assert '"b"' in console.environment[SEATS]


def test_an_unknown_couple_stops_before_any_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(tmp_path / "data").prepare()
    code = main(["--data-dir", str(tmp_path / "data"), "serve", "--couple", "nobody"])
    printed = capsys.readouterr()
    assert code == 2
    assert "token=" not in printed.out
    assert "nobody" in printed.err
