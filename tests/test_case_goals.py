"""The case record with goals and the CSI-4: each goal with its measure's course against the
target (and the target drawn across the score's chart in HTML, with the published cut-off), the
CSI-4 like any score in the record and in ``history``, and the signed note with its addendum."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.week_helpers import counselled_couple
from workbook.cli import main
from workbook.data.store import Store


@pytest.fixture
def couple(data_dir: Path) -> str:
    store = Store(data_dir)
    store.prepare()
    made = counselled_couple(store)
    store.close()
    return made


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["export", *argv]) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_the_case_record_shows_each_goal_against_its_target(
    couple: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = export(capsys, couple, "--case")
    goals = text.split("\n## Goals\n", 1)[1].split("\n## ", 1)[0]
    assert "Argue without shouting" in goals
    assert (
        "Measure: Couples Satisfaction Index (CSI-4): Relationship satisfaction (0 to 21), "
        "target 16. Sam: 10 on 2026-09-07, 16 on 2026-10-19 (target reached); Alex: 12 on "
        "2026-09-07, 17 on 2026-10-19 (target reached)." in " ".join(goals.split())
    )
    assert "A walk together every Sunday" in goals
    scores = text.split("\n## Scores over time\n", 1)[1]
    assert "### Couples Satisfaction Index (CSI-4): Relationship satisfaction" in scores
    assert "Below the published cut-off of 13.5" in scores
    assert "Goal: 16, drawn as a dotted line in the chart." in scores


def test_the_html_chart_draws_the_target_and_the_cut_off(
    couple: str, capsys: pytest.CaptureFixture[str]
) -> None:
    html = export(capsys, couple, "--case", "--format", "html")
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert '<g class="marks"' in svg
    assert ">Goal: 16</text>" in svg
    assert ">At or above the published cut-off of 13.5</text>" in svg
    assert "A dotted line at 16: Goal: 16." in svg


def test_the_signed_note_and_its_addendum_are_in_the_confidential_record(
    couple: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "Addendum" not in export(capsys, couple, "--case")
    text = export(capsys, couple, "--case", "--include-notes")
    notes = text.split("Confidential: the counsellor's notes", 1)[1]
    assert "SOAP note" in notes
    assert "Signed 19 October 2026, 19:00 (UTC+00:00)." in notes
    assert "Addendum, 20 October 2026" in notes


def test_history_shows_the_csi_4_like_any_score(
    couple: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", couple, "--format", "json"]) == 0
    (score,) = json.loads(capsys.readouterr().out)["scores"]
    assert (score["pack"], score["score"]) == ("Couples Satisfaction Index (CSI-4)", "satisfaction")
    assert score["a"] == [10, 13, 16]
    assert score["band_a"][0] == "Below the published cut-off of 13.5"
    assert score["band_b"][-1] == "At or above the published cut-off of 13.5"
