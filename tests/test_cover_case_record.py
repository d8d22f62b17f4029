"""The case record's quieter parts: an empty case, an unreadable agreements file, the care flag,
and an agreement's every way of being said."""

from __future__ import annotations

from datetime import UTC, date, datetime

from workbook.data.models import Agreement, Agreements, CareFlag, Couple, Partner, Review
from workbook.export.case_data import CaseData
from workbook.export.case_record import case_page
from workbook.export.render_md import render_md

START = datetime(2026, 1, 5, 19, 0, tzinfo=UTC)
TODAY = date(2026, 3, 1)


def couple(care: CareFlag | None = None) -> Couple:
    return Couple(
        id="c",
        created=START,
        facilitator="Dr. Lee",
        partners=[Partner(key="a", name="Sam"), Partner(key="b", name="Alex")],
        care=care,
    )


def page(data: CaseData, notes: bool = False) -> str:
    return " ".join(render_md(case_page(data, TODAY, include_notes=notes)).split())


def test_an_empty_case_says_so_in_each_section() -> None:
    text = page(CaseData(couple(), [], [], Agreements()), notes=True)
    assert "No sessions yet." in text
    assert "No scores yet" in text
    assert "No agreements yet." in text
    assert "No notes were kept for any session." in text


def test_an_unreadable_agreements_file_is_said() -> None:
    text = page(CaseData(couple(), [], [], None))
    assert "The agreements file cannot be read, so no agreements are shown." in text


def test_the_care_flag_is_shown_raised_and_cleared() -> None:
    raised = CareFlag(raised=START, session="2026-01-05-1900")
    text = page(CaseData(couple(raised), [], [], Agreements()), notes=True)
    assert "Care flag:" in text
    assert "in session 2026-01-05-1900; not cleared." in text
    cleared = CareFlag(raised=START, cleared=datetime(2026, 1, 12, 9, 0, tzinfo=UTC))
    text = page(CaseData(couple(cleared), [], [], Agreements()), notes=True)
    assert "cleared on" in text
    assert "the reason in its notes" in text
    assert "Care flag:" not in page(CaseData(couple(cleared), [], [], Agreements()))


def test_an_agreement_let_go_confirmed_by_one_with_its_source_and_reviews() -> None:
    agreement = Agreement(
        id="a1",
        text="Walk on Sundays",
        made=START.date(),
        session="2026-01-05-1900",
        source="respect.meaning",
        who="a",
        review_on=START.date(),
        confirmed_by=["b"],
        status="retired",
        reviews=[
            Review(on=START.date(), outcome="kept"),
            Review(on=TODAY, outcome="retired"),
        ],
    )
    text = page(CaseData(couple(), [], [], Agreements(agreements=[agreement])))
    assert "1 agreement: 0 active, 1 let go." in text
    assert "Sam will:" in text
    assert "in session 2026-01-05-1900, from “respect”" in text
    assert "confirmed by Alex. Let go." in text
    assert "Reviews:" in text
    assert ": kept" in text
    assert ": let go" in text
