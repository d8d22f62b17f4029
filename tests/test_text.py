"""The sanitising of user and pack text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.hostile import HOSTILE
from workbook.text import clean, clean_line, is_clean, one_width


def test_clean_removes_controls_and_bidi_overrides_but_keeps_lines_and_tabs() -> None:
    assert clean("a\x1b[31mb\x07\x00c\x7f\x9b") == "a[31mbc"
    assert clean("\u202eevil\u202c \u2066x\u2069") == "evil x"
    assert clean("one\r\ntwo\rthree\u2028four\x85five") == "one\ntwo\nthree\nfour\nfive"
    assert clean("tab\there") == "tab\there"
    assert clean("mark\u200ekept") == "mark\u200ekept"


def test_clean_replaces_lone_surrogates_so_saving_cannot_fail() -> None:
    assert clean("a\ud800b") == "a\ufffdb"
    clean("a\udfff").encode("utf-8")


def test_clean_keeps_emoji_rtl_and_zero_width_joiners() -> None:
    text = "שלום 👩\u200d❤️\u200d👨 zero\u200bwidth"
    assert clean(text) == text


def test_clean_line_makes_one_line() -> None:
    assert clean_line("  Sam \n\t Alex\r\n") == "Sam Alex"


@given(st.text())
def test_clean_leaves_no_unsafe_character(text: str) -> None:
    cleaned = clean(text)
    for char in cleaned:
        category = unicodedata.category(char)
        assert char in "\n\t" or category != "Cc"
        assert category != "Cs"
        assert char not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    cleaned.encode("utf-8")
    assert is_clean(cleaned)
    assert clean(cleaned) == cleaned


@given(st.text())
def test_clean_line_has_no_line_breaks(text: str) -> None:
    assert not set(clean_line(text)) & {"\n", "\t", "\r"}


def test_hostile_corpus_survives_cleaning() -> None:
    for text in HOSTILE:
        cleaned = clean(text)
        assert "\x1b" not in cleaned
        cleaned.encode("utf-8")


def test_one_width_drops_the_emoji_selector_only_after_a_narrow_character() -> None:
    assert one_width("❤️ Love") == "❤ Love"
    assert one_width("✔️ done, ☺️") == "✔ done, ☺"
    # A wide emoji is two cells either way, and a joined sequence keeps its selectors.
    assert one_width("😀\ufe0f") == "😀\ufe0f"
    assert one_width("👩\u200d❤️\u200d👨") == "👩\u200d❤️\u200d👨"
    assert one_width("no emoji") == "no emoji"


def test_the_screen_helpers_show_a_heart_one_cell_wide() -> None:
    from workbook.tui.plain import fill, line, plain

    for shown in (plain("❤️ Love"), line("❤️ Love"), fill("$x", x="❤️ Love")):
        assert str(shown) == "❤ Love"
        assert shown.cell_length == 6


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("Sam", 3),
        ("日本", 4),
        ("é", 1),
        ("e\u0301", 1),
        ("🙂", 2),
        ("👩\u200d❤️\u200d👨", 2),
        ("سلام", 4),
    ],
)
def test_cells_count_what_a_terminal_draws(text: str, width: int) -> None:
    from rich.cells import cell_len

    from workbook.text import cells, fit

    assert cells(text) == width == cell_len(text)
    assert fit(text, 6) == text + " " * (6 - width)
    assert cells(fit("日本語のラベル", 5)) == 5


def test_wrap_measures_cells_and_breaks_words_only_when_they_are_too_wide() -> None:
    from workbook.text import cells, wrap

    assert wrap("one two three", 7) == ["one two", "three"]
    chinese = wrap("我们彼此信任也愿意说出来", 8)
    assert all(cells(line) <= 8 for line in chinese)
    assert "".join(chinese) == "我们彼此信任也愿意说出来"
    assert wrap("", 5) == [""]
