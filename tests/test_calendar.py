"""``workbook calendar --out FILE.ics``: read back by a real iCalendar parser, naming no one by
default; and the writer's own rules (folding, escaping, CRLF)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from workbook.cli import main
from workbook.data.dates import now
from workbook.data.store import Store
from workbook.export.ical import Event, calendar, escape, fold
from workbook.service import goals, homework


@pytest.fixture
def couple(data_dir: Path) -> str:
    store = Store(data_dir)
    store.prepare()
    made = store.create_couple("Théo", 'Zoë; "the", second', "Dr. Ade").id
    goals.schedule(store, made, datetime(2026, 12, 1, 18, 0, tzinfo=UTC))
    homework.assign(
        store,
        made,
        "check-in",
        ["check-in"],
        now(),
        date.today() + timedelta(days=4),
        "After the talk about Théo's mother",
    )
    store.layout.agreements_file(made).write_text(
        'format = 1\n[[agreements]]\nid = "x-1"\ntext = "Zoë cooks on Fridays"\n'
        'made = 2026-11-01\nreview_on = 2026-11-29\nconfirmed_by = ["a", "b"]\n',
        encoding="utf-8",
    )
    store.close()
    return made


def events(path: Path) -> list[icalendar.cal.Component]:
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    return list(parsed.walk("VEVENT"))


def test_the_calendar_parses_and_names_no_one_by_default(
    couple: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "week.ics"
    assert main(["calendar", "--out", str(out)]) == 0
    assert "3 event(s), initials only" in capsys.readouterr().err
    raw = out.read_bytes()
    assert b"\r\n" in raw
    assert raw.replace(b"\r\n", b"").count(b"\n") == 0
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    found = events(out)
    summaries = sorted(str(event["SUMMARY"]) for event in found)
    assert summaries == [
        "Agreement review: T. & Z. (1 agreement)",
        "Homework due: T. & Z., Weekly check-in",
        "Session: T. & Z.",
    ]
    appointment = next(e for e in found if str(e["SUMMARY"]).startswith("Session"))
    assert appointment.decoded("DTSTART") == datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    assert all(event.get("UID") and event.get("DTSTAMP") for event in found)
    assert len({str(event["UID"]) for event in found}) == 3
    text = raw.decode("utf-8")
    for secret in ("Théo", "Zoë", "cooks", "mother", "Ade", couple):
        assert secret not in text
    # The same events keep their UIDs from one export to the next.
    again = tmp_path / "again.ics"
    assert main(["calendar", "--couple", couple, "--out", str(again)]) == 0
    assert {str(e["UID"]) for e in events(again)} == {str(e["UID"]) for e in found}


def test_names_puts_the_names_and_words_in(
    couple: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "named.ics"
    assert main(["calendar", "--names", "--out", str(out)]) == 0
    found = {str(e["SUMMARY"]): e for e in events(out)}
    who = 'Théo and Zoë; "the", second'
    assert f"Session: {who} with Dr. Ade" in found
    homework_event = found[f"Homework due: {who}, Weekly check-in"]
    assert str(homework_event["DESCRIPTION"]) == "After the talk about Théo's mother"
    assert homework_event.decoded("DTSTART") == date.today() + timedelta(days=4)


def test_the_calendar_is_never_written_into_the_data_folder(
    couple: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", "--out", str(data_dir / "x.ics")]) == 2
    assert "inside the data folder" in capsys.readouterr().err


def test_folding_never_splits_a_character_and_escaping_keeps_text_whole() -> None:
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert "".join(part.removeprefix(" ") if i else part for i, part in enumerate(parts)) == line
    assert escape("a;b,c\\d\ne\x1b[31m") == "a\\;b\\,c\\\\d\\ne[31m"
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    text = calendar([Event("u@x", "Line\nbreak; and, more", date(2026, 1, 2))], stamp)
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Line\nbreak; and, more"
    assert text.endswith("END:VCALENDAR\r\n")
