"""Right-to-left text laid out by the app: wrapped in logical order by cells, each line in the
Unicode algorithm's visual order with Arabic letters joined, set against the right edge."""

from __future__ import annotations

import arabic_reshaper
import pytest
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from workbook.i18n.bidi import (
    TERMINAL,
    aligned,
    base_rtl,
    has_rtl,
    lay_out,
    mode,
    visual,
    visual_runs,
)
from workbook.text import cells, wrap

ARABIC = "ماذا يعني المال لك؟ وماذا يعني للطرف الآخر؟ كتبها Sam في 2026"


def test_each_line_is_python_bidi_s_order_of_the_logical_line() -> None:
    lines = lay_out(ARABIC, 24)
    logical = wrap(ARABIC, 24)
    assert len(lines) == len(logical)
    for (shown, right), line in zip(lines, logical, strict=True):
        assert right
        assert shown == get_display(arabic_reshaper.reshape(line), base_dir="R")
        assert cells(shown) <= 24


def test_a_right_to_left_paragraph_is_set_against_the_right_edge() -> None:
    for line in aligned(ARABIC, 30):
        assert cells(line) == 30 or not line.startswith(" ")
    assert aligned(ARABIC, 30)[-1].startswith(" ")


def test_left_to_right_text_and_the_terminal_setting_are_left_as_they_are() -> None:
    assert lay_out("Plain English words", 10) == [
        ("Plain", False),
        ("English", False),
        ("words", False),
    ]
    assert [line for line, _ in lay_out(ARABIC, 80, TERMINAL)] == [ARABIC]
    assert visual("abc") == "abc"
    assert mode("terminal") == "terminal"
    assert mode("nonsense") == "app"
    assert mode(None) == "app"


def test_the_paragraph_s_direction_is_its_first_strong_letter() -> None:
    assert base_rtl("  مرحبا Sam")
    assert not base_rtl("Sam مرحبا")
    assert not base_rtl("123")
    assert has_rtl("Sam مرحبا")
    assert not has_rtl("Sam")


@given(st.text(alphabet=st.sampled_from("ab مرحبا 12،.؟\nשלום"), max_size=60), st.integers(1, 30))
def test_no_line_is_wider_than_the_screen_and_no_letter_is_lost(text: str, width: int) -> None:
    lines = aligned(text, width)
    assert all(cells(line) <= max(width, 2) for line in lines)
    # Joining shapes letters, never drops one: each line keeps its letters, in some order.
    logical = [line for paragraph in text.split("\n") for line in wrap(paragraph, width)]
    shaped = "".join(arabic_reshaper.reshape(line) for line in logical)
    assert sorted("".join(lines).replace(" ", "")) == sorted(shaped.replace(" ", ""))


def _joined(runs: list[tuple[str, int]]) -> str:
    return "".join(text for text, _ in runs)


def test_a_styled_line_is_laid_out_with_each_letter_keeping_its_style() -> None:
    runs = [("  ", 0), ("F1", 1), (" مساعدة (نعم) 12", 2), ("   ", 3)]
    shown = visual_runs(runs)
    # The spaces at the two ends stay, the rest is the line in visual order, brackets mirrored.
    assert shown[0] == ("  ", 0)
    assert shown[-1] == ("   ", 3)
    assert _joined(shown).strip() == visual("F1 مساعدة (نعم) 12")
    assert "(ﻢﻌﻧ)" in _joined(shown)
    assert ("F1", 1) in shown
    assert cells(_joined(shown)) == cells(_joined(runs))


def test_a_line_shortened_by_a_ligature_keeps_its_width() -> None:
    line = "لا أعرف"
    shown = _joined(visual_runs([(line, 0)]))
    assert "ﻻ" in shown
    assert cells(shown) == cells(line)
    assert shown.strip() == get_display(arabic_reshaper.reshape(line))


def test_a_line_with_no_right_to_left_letter_is_left_alone() -> None:
    runs = [("Help ", 1), ("me", 2)]
    assert visual_runs(runs) == runs


@given(st.text(alphabet=st.sampled_from("ab XY 12 ש ל ו ם א ב .,-"), max_size=40))
def test_laying_out_then_reading_back_by_style_gives_the_logical_line(text: str) -> None:
    # Each letter styled with its place: reading the laid-out line back in the order of the
    # styles gives the line as it was typed. Hebrew has no joined shapes, so no letter changes.
    runs = [(char, place) for place, char in enumerate(text)]
    shown = visual_runs(runs)
    letters = sorted((place, char) for part, place in shown for char in part)
    assert "".join(char for _, char in letters) == text
    assert cells(_joined(shown)) == cells(text)
    core = text.strip(" ")
    if has_rtl(core):
        assert _joined(shown).strip(" ") == visual(core).strip(" ")


@given(st.text(alphabet=st.sampled_from("ab مرحبا لا 12،.؟ ()"), min_size=1, max_size=40))
def test_the_styled_line_is_the_plain_line_laid_out(text: str) -> None:
    half = len(text) // 2
    shown = visual_runs([(text[:half], 0), (text[half:], 1)])
    assert cells(_joined(shown)) == cells(text)
    core = text.strip(" ")
    if has_rtl(core):
        assert _joined(shown).strip(" ") == visual(core).strip(" ")


def test_a_key_s_name_leads_a_right_to_left_line_whole() -> None:
    # "^q خروج" in an Arabic footer: the key stays "^q", on the right, its padding around it.
    runs = [(" ^q ", "key"), (" خروج ", "words")]
    assert visual_runs(runs, True, 4) == [(" ﺝﻭﺮﺧ ", "words"), (" ^q ", "key")]
    assert visual_runs(runs, False, 4) == visual_runs(runs, False)
    # Without the unit, the key is still whole (a key's name is kept as on the keyboard), but
    # it goes where the algorithm puts a left-to-right word: after the words, on the left.
    assert "".join(text for text, _ in visual_runs(runs, True)).split() == ["ﺝﻭﺮﺧ", "^q"]


@pytest.mark.parametrize(
    ("logical", "shown"),
    [
        # The keys [ and ] named in a sentence: as on the keyboard, read right to left.
        ("ويغير [ و] الترتيب", "ﺐﻴﺗﺮﺘﻟﺍ ]ﻭ [ ﺮﻴﻐﻳﻭ"),
        ("يحرك [ أو ] التمرين", "ﻦﻳﺮﻤﺘﻟﺍ ] ﻭﺃ [ ﻙﺮﺤﻳ"),
        # A key with a modifier or a caret, whole: not "↑+Shift", "[+Ctrl", "q^".
        ("يرفع Shift+↑ السطر", "ﺮﻄﺴﻟﺍ Shift+↑ ﻊﻓﺮﻳ"),
        ("ينقل Ctrl+[ السطر", "ﺮﻄﺴﻟﺍ Ctrl+[ ﻞﻘﻨﻳ"),
        ("للخروج ^q الآن", "ﻥﻵﺍ ^q ﺝﻭﺮﺨﻠﻟ"),
        # Brackets that hold what they hug are still mirrored (rule L4).
        ("قل (نعم) الآن", "ﻥﻵﺍ (ﻢﻌﻧ) ﻞﻗ"),
        ("القسم [keymap] ناقص", "ﺺﻗﺎﻧ [keymap] ﻢﺴﻘﻟﺍ"),
        # An empty box (a pack not chosen yet on the agenda) stays a box.
        ("[ ] القيم", "ﻢﻴﻘﻟﺍ [ ]"),
    ],
)
def test_a_key_named_in_an_arabic_sentence_is_whole_and_unmirrored(
    logical: str, shown: str
) -> None:
    assert visual(logical, True) == shown


# Any code point a file can hold, unassigned ones and those of every bidirectional class
# included (surrogates cannot be in text read from a file).
ANY_LETTER = st.characters(exclude_categories=["Cs"])


@given(st.text(alphabet=ANY_LETTER, max_size=12), st.booleans())
def test_any_letters_beside_arabic_are_laid_out_without_a_crash(text: str, rtl: bool) -> None:
    line = f"م{text}\U000109dd\u0378"  # an unassigned code point has no class of its own
    shown = visual_runs([(line, 0)], rtl)
    assert sorted(_joined(shown)) == sorted(arabic_reshaper.reshape(line))


def test_an_unassigned_letter_among_right_to_left_ones_is_laid_out() -> None:
    shown = _joined(visual_runs([("W\U000109dd\u0378x", 0)], False))
    assert sorted(shown) == sorted("W\U000109dd\u0378x")
