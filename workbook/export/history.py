"""``workbook history``: the check-in trends and the scores, as text, CSV or JSON.

Text is for people (sparklines, the latest value, the change since the first). CSV has one row
per partner per session, with a column per scale item and per score, for a spreadsheet; JSON
keeps each line and score as a series.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from workbook.logic.scores import shown
from workbook.logic.trends import ScoreSeries, Series, history_text


def as_text(trends: list[Series], scores: list[ScoreSeries], names: Mapping[str, str]) -> str:
    out = history_text(trends, names)
    if not scores:
        return out
    lines = ["", "Scores"]
    for series in scores:
        count = len(series.sessions)
        lines.append(
            f"  {series.pack}: {series.title} ({count} session{'s' if count != 1 else ''}, "
            f"{series.sessions[0][:10]} to {series.sessions[-1][:10]})"
        )
        for key, values, bands in (("a", series.a, series.band_a), ("b", series.b, series.band_b)):
            given = [(v, b) for v, b in zip(values, bands, strict=True) if v is not None]
            if not given:
                continue
            latest, band = given[-1]
            change = latest - given[0][0]
            trend = (
                "steady"
                if change == 0
                else f"{'up' if change > 0 else 'down'} {shown(abs(change))}"
            )
            label = f" ({band})" if band else ""
            lines.append(
                f"    {names[key][:12]:<12} latest {shown(latest)}{label}, {trend} since the first"
            )
    return out + "\n".join(lines)


FIXED = ["session", "partner", "name"]


def _line_column(line: Series) -> str:
    return " / ".join(part for part in (line.pack, line.step, line.item) if part)


def columns(trends: list[Series], scores: list[ScoreSeries]) -> list[str]:
    """The CSV's columns: the session and partner, then a column per scale item (or scale) of
    a recurring pack, then each score and its band."""
    found = list(FIXED)
    for line in trends:
        found.append(_line_column(line))
    for score in scores:
        found += [f"{score.pack} / {score.title}", f"{score.pack} / {score.title} (band)"]
    return list(dict.fromkeys(found))


def rows(
    trends: list[Series], scores: list[ScoreSeries], names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """One row per partner per session, with a cell for each item and each score; scores to
    two decimals."""
    table: dict[tuple[str, str], dict[str, Any]] = {}

    def row(session: str, key: str) -> dict[str, Any]:
        return table.setdefault(
            (session, key), {"session": session, "partner": key, "name": names[key]}
        )

    for line in trends:
        column = _line_column(line)
        for index, session in enumerate(line.sessions):
            for key, values in (("a", line.a), ("b", line.b)):
                row(session, key)[column] = values[index]
    for score in scores:
        column = f"{score.pack} / {score.title}"
        for index, session in enumerate(score.sessions):
            pairs = (("a", score.a, score.band_a), ("b", score.b, score.band_b))
            for key, numbers, bands in pairs:
                value = numbers[index]
                found = row(session, key)
                found[column] = f"{value:.2f}" if value is not None else None
                found[f"{column} (band)"] = bands[index] or ""
    return [table[key] for key in sorted(table)]


def as_csv(
    trends: list[Series],
    scores: list[ScoreSeries],
    names: Mapping[str, str],
    excel: bool = False,
) -> str:
    """The rows as CSV; ``excel`` begins it with a byte-order mark, so that a spreadsheet on
    Windows reads it as UTF-8 ("Théo", not "ThÃ©o")."""
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=columns(trends, scores), lineterminator="\n", restval=""
    )
    writer.writeheader()
    for row in rows(trends, scores, names):
        # A cell that starts like a formula is kept as text when a spreadsheet opens the file.
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return ("\ufeff" if excel else "") + out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def as_json(trends: list[Series], scores: list[ScoreSeries], names: Mapping[str, str]) -> str:
    data = {
        "partners": {"a": names["a"], "b": names["b"]},
        "trends": [
            {
                "pack": line.pack,
                "step": line.step,
                "item": line.item,
                "low": line.low,
                "high": line.high,
                "sessions": line.sessions,
                "a": line.a,
                "b": line.b,
            }
            for line in trends
        ],
        "scores": [
            {
                "pack": score.pack,
                "score": score.score,
                "title": score.title,
                "sessions": score.sessions,
                "a": score.a,
                "b": score.b,
                "band_a": score.band_a,
                "band_b": score.band_b,
            }
            for score in scores
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
