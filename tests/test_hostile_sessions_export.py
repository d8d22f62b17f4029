"""Random and hostile answer tables for every kind, in a real session file, exported with
``export --session`` (the one export function, and the command line): no structure comes from
the text, and every word of what each kind shows is kept.

tests/test_lenient_answers.py reads such tables in memory; this goes through the file on disk.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.hostile_tables import (
    Drawn,
    library_with,
    sessions,
    shaped_everywhere,
    write_session,
)
from tests.hostile_tables import words as words_of
from workbook.cli import main
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.i18n.said import Words
from workbook.packs.models import Pack
from workbook.packs.placeholders import neutral

PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# What the summary itself makes; anything else came from the text.
OWN_HEADINGS = {"Scores", "Agreements made in this session", "Facilitator's notes"}
CHORES_HEADER = ["Task", "Minutes a week", "Now", "From now on", "Done looks like"]
NEVER = {
    "link_open",
    "image",
    "html_block",
    "html_inline",
    "fence",
    "code_block",
    "code_inline",
    "blockquote_open",
    "hr",
    "ordered_list_open",
    "s_open",
}


def _flat(tokens: list[Token]) -> list[Token]:
    found = []
    for token in tokens:
        found.append(token)
        found += _flat(token.children or [])
    return found


def _text(tokens: list[Token], between: str = "") -> str:
    return between.join(t.content for t in tokens if t.type == "text")


def _headings_allowed(pack: Pack) -> set[str]:
    allowed = {pack.title, *OWN_HEADINGS}
    for step in pack.steps:
        prompt = neutral(getattr(step, "prompt", "") or "")
        allowed.add(step.title or prompt or step.id)
    return allowed


def check_structure(markdown: str, pack: Pack) -> str:
    """Assert that ``markdown`` has only the summary's own structure; returns its text."""
    blocks = PARSER.parse(markdown)
    tokens = _flat(blocks)
    made = {token.type for token in tokens} & NEVER
    assert not made, made
    allowed = _headings_allowed(pack)
    for index, token in enumerate(blocks):
        if token.type == "heading_open":
            title = _text(_flat([blocks[index + 1]]))
            assert token.markup == "#" * int(token.tag[1]), "a setext heading"
            if token.tag == "h1":
                assert title.startswith("Session of "), title
            else:
                assert title in allowed, title
    assert sum(t.tag == "h1" for t in blocks if t.type == "heading_open") == 1
    tables = [i for i, t in enumerate(blocks) if t.type == "table_open"]
    assert len(tables) <= 1, "only the chores split is a table"
    for start in tables:
        end = next(i for i in range(start, len(blocks)) if blocks[i].type == "table_close")
        rows: list[list[str]] = []
        for token in blocks[start:end]:
            if token.type == "tr_open":
                rows.append([])
            elif token.type == "inline":
                rows[-1].append(_text(_flat([token])))
        assert rows[0] == CHORES_HEADER
        assert all(len(row) == len(CHORES_HEADER) for row in rows)
    # Joined with a space, as each text token ends a word.
    return _text(tokens, " ")


def check_words(text: str, drawn: Drawn) -> None:
    """Every word of the text each kind shows is in ``text``."""
    found = set(words_of(text))
    for step, shown in drawn.shown.items():
        for value in shown:
            missing = [word for word in words_of(value) if word not in found]
            assert not missing, (step, value[:80], missing[:5])


@pytest.mark.usefixtures("one_library")
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(drawn=sessions())
@example(drawn=shaped_everywhere())
def test_hostile_tables_in_a_session_file_export_literally_and_in_full(
    drawn: Drawn, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        library = library_with(root / "packs")
        couple_id, session_id = write_session(root / "data", library, drawn)
        document = export(
            Store(root / "data"),
            couple_id,
            library.packs,
            date(2026, 11, 22),
            session_id=session_id,
        )
        assert all(isinstance(problem, Words) and str(problem) for problem in document.problems)
        text = check_structure(document.text, library.pack("every"))
        check_words(text, drawn)
        # The command line writes the same summary, the pack coming from the session's copy.
        capsys.readouterr()
        args = ["--data-dir", str(root / "data"), "export", couple_id, "--session", session_id]
        assert main(args) == 0
        printed = capsys.readouterr()
        assert printed.out == document.text
        assert "\x1b" not in printed.err
        html = export(
            Store(root / "data"),
            couple_id,
            library.packs,
            date(2026, 11, 22),
            session_id=session_id,
            fmt="html",
        ).text
        for tag in ("<script", "<a ", "<img", "<details", "<code", "<pre", "<h4", "<blockquote"):
            assert tag not in html, tag
