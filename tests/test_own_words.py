"""The built-in packs are in the project's own words: no run of eight words is taken from the
page of facts and practices they rest on (CONTENT.md, kept beside the repository in
``../shared``, with a copy in tests/fixtures so that a clean clone checks it too).

Every text of a pack counts (title, summary, credits, prompts, help, bodies, options, items,
questions, task names, score titles and bands), compared as lowercase words without punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workbook import tomlio
from workbook.packs.library import builtin_folder, pack_files

SHARED = Path(__file__).parents[2] / "shared" / "CONTENT.md"
# The page beside the checkout is the newest; the copy keeps the check alive in a clean clone.
CONTENT = SHARED if SHARED.is_file() else Path(__file__).parent / "fixtures" / "CONTENT.md"
RUN = 8
WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


def texts(value: Any) -> Iterator[str]:
    """Every string in a pack's table, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)


# A published measure's items and answer labels are used exactly as published (CONTENT.md,
# "Measuring progress"), and its credits cite the paper by its title: those keys of a measure
# are the one exception to "in your own words". Its other texts are checked as any pack's.
PUBLISHED = ("prompt", "labels", "credits")


def own_texts(pack: dict[str, Any]) -> dict[str, Any]:
    """The texts of ``pack`` that must be in the project's own words."""
    if "measures" not in pack.get("topics", []):
        return pack
    steps = [
        {key: value for key, value in step.items() if key not in PUBLISHED}
        for step in pack.get("steps", [])
    ]
    kept = {key: value for key, value in pack.items() if key not in PUBLISHED}
    return {**kept, "steps": steps}


def shared_runs(pack_text: dict[str, Any], source: set[tuple[str, ...]]) -> list[str]:
    return sorted({" ".join(run) for text in texts(pack_text) for run in runs(text) & source})


def test_a_copied_phrase_is_found() -> None:
    source = runs("Relationships that last are the mutually beneficial ones, always.")
    copied = {"body": "We know relationships that last are the MUTUALLY beneficial ones."}
    assert shared_runs(copied, source) == [
        "relationships that last are the mutually beneficial ones"
    ]
    assert shared_runs({"body": "Relationships that last are mutual ones."}, source) == []


def test_no_built_in_pack_shares_eight_words_in_a_row_with_content_md() -> None:
    source = runs(CONTENT.read_text(encoding="utf-8"))
    files = pack_files(builtin_folder())
    assert len(files) >= 11
    copied = {
        file.name: found
        for file in files
        if (found := shared_runs(own_texts(tomlio.loads(file.read_text(encoding="utf-8"))), source))
    }
    assert copied == {}
