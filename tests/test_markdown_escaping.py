"""User text in an export is literal: no headings, tables, links, HTML or code fences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.hostile import HOSTILE
from workbook.export.html import to_html
from workbook.export.markdown import block, heading, inline
from workbook.text import clean, clean_line

GFM_LIKE = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
markdownish = st.text(
    alphabet=st.sampled_from(list("#>-+=*_`~|<>[]()!&;\\/:.0123456789 \t\nabcAB\u00a0")),
    max_size=80,
)
any_text = st.one_of(markdownish, st.text(max_size=80), st.sampled_from(HOSTILE[:-1]))


def _inline_children(markdown: str) -> tuple[list[str], str]:
    """The kinds of block tokens, and the text the inline children add up to."""
    tokens = GFM_LIKE.parse(markdown)
    blocks = [t.type for t in tokens if t.type != "inline"]
    text = ""
    for token in tokens:
        for child in token.children or []:
            assert child.type in ("text", "hardbreak", "softbreak"), child.type
            text += "\n" if child.type.endswith("break") else child.content
    return blocks, text


def _expected_paragraphs(text: str) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in clean(text).split("\n"):
        line = line.strip().replace("\t", " ")
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_block_makes_only_paragraphs_of_the_literal_text(text: str) -> None:
    blocks, rendered = _inline_children(block(text))
    paragraphs = _expected_paragraphs(text)
    assert blocks == ["paragraph_open", "paragraph_close"] * len(paragraphs)
    assert rendered == "".join("\n".join(p) for p in paragraphs)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_inline_stays_literal_inside_a_heading_and_a_list(text: str) -> None:
    line = clean_line(text)
    blocks, rendered = _inline_children(heading(2, text))
    assert blocks == ["heading_open", "heading_close"]
    assert rendered == line.strip(" ")
    blocks, rendered = _inline_children(f"- {inline(text)}")
    if line.strip(" "):
        assert blocks[:3] == ["bullet_list_open", "list_item_open", "paragraph_open"]
        assert blocks.count("list_item_open") == 1
        assert rendered == line.strip(" ")


def test_list_item_continuation_lines_stay_in_the_item() -> None:
    markdown = "- " + block("one\n# two\n\n- three", indent="  ")
    blocks, rendered = _inline_children(markdown)
    assert blocks.count("list_item_open") == 1
    assert "heading_open" not in blocks
    assert rendered == "one\n# two- three"


def test_hostile_corpus_makes_no_html_in_the_html_export() -> None:
    for text in HOSTILE:
        page = to_html(block(text) + "\n\n" + heading(2, text), title=text[:50])
        body = page.split("<body>", 1)[1]
        for tag in (
            "<script",
            "<b>",
            "<a ",
            "<img",
            "<table",
            "<pre",
            "<code",
            "<h1",
            "<ul",
            "<ol",
            "<blockquote",
            "<hr",
        ):
            assert tag not in body, (text[:30], tag)
        assert "\x1b" not in page
