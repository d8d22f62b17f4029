"""``workbook history``: the check-in trends and the scores, as text, CSV or JSON.

Text is for people (sparklines, the latest value, the change since the first). CSV has one row
per partner per session, for a spreadsheet; JSON keeps the same rows grouped by line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from workbook.logic.scores import shown
from workbook.logic.trends import ScoreSeries, Series, history_text

COLUMNS = ["what", "pack", "step", "item", "session", "partner", "name", "value", "band"]


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


def rows(
    trends: list[Series], scores: list[ScoreSeries], names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """One row per partner per session, for every trend line and every score."""
    found: list[dict[str, Any]] = []
    for line in trends:
        for index, session in enumerate(line.sessions):
            for key, values in (("a", line.a), ("b", line.b)):
                found.append(
                    {
                        "what": "trend",
                        "pack": line.pack,
                        "step": line.step,
                        "item": line.item or "",
                        "session": session,
                        "partner": key,
                        "name": names[key],
                        "value": values[index],
                        "band": "",
                    }
                )
    for score in scores:
        for index, session in enumerate(score.sessions):
            pairs = (("a", score.a, score.band_a), ("b", score.b, score.band_b))
            for key, numbers, bands in pairs:
                found.append(
                    {
                        "what": "score",
                        "pack": score.pack,
                        "step": score.title,
                        "item": "",
                        "session": session,
                        "partner": key,
                        "name": names[key],
                        "value": numbers[index],
                        "band": bands[index] or "",
                    }
                )
    return found


def as_csv(trends: list[Series], scores: list[ScoreSeries], names: Mapping[str, str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(trends, scores, names):
        # A cell that starts like a formula is kept as text when a spreadsheet opens the file.
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


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
