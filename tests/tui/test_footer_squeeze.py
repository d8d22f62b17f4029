"""The footer in a longer language: when its keys, laid out, would run under the palette's key
(a Spanish walk at 80 columns cut "f1 Ayuda" to "f1 Ayud"), it takes the compact look, and
every key is whole; in English, where they fit, it keeps its roomier look. Longer still (the
pseudo-language, 40% longer than English), it keeps the keys that fit whole, in their order, F1
first, and leaves the others out: the same keys on the same width always give the same footer."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from tests.tui.conftest import SIZE, app_for, make_couple, until, walk_drawn
from tests.tui.footer_keys import drawn, footer_keys_cut
from workbook.data.store import Store
from workbook.i18n.catalog import PSEUDO
from workbook.packs.library import Library
from workbook.tui.widgets.footer import KeysFooter


def looks(footer: KeysFooter) -> tuple[bool, list[tuple[str, bool]]]:
    """What the footer decided: compact or not, and each key shown or left out."""
    return footer.compact, [(key.key_display, key.display) for key in footer.query(FooterKey)]


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_walks_footer_shows_every_key_whole(
    store: Store, library: Library, language: str
) -> None:
    couple = make_couple(store)
    couple.language = language
    store.save_couple(couple)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["values"])
        screen = await walk_drawn(pilot)
        footer = screen.query_one(KeysFooter)
        await until(pilot, lambda: drawn(footer))
        assert footer_keys_cut(app) == []
        assert all(key.display for key in footer.query("FooterKey"))
        assert footer.compact == (language == "es")
        assert any("Ayuda" in str(k.render()) for k in footer.query("FooterKey")) == (
            language == "es"
        )


async def test_a_footer_too_long_even_compact_keeps_f1_quit_and_the_keys_that_fit_whole(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    couple.language = PSEUDO
    # With a counsellor the walk has one key more, ^o for a note to them.
    couple.facilitator = "Dr. Lee"
    store.save_couple(couple)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["values"])
        screen = await walk_drawn(pilot)
        footer = screen.query_one(KeysFooter)
        await until(pilot, lambda: drawn(footer))
        assert footer_keys_cut(app) == []
        fitted = looks(footer)
        # F1, which lists every key, and ^q are kept first; "^o" (a note for the counsellor)
        # would then run under the palette's key: left out.
        shown = [key for key, display in fitted[1] if display]
        assert fitted[0]
        assert shown == ["^n", "^b", "esc", "^g", "^q", "f1", "^p"]
        # Wider, every key fits; back at 80 columns, the same footer as before.
        await pilot.resize_terminal(120, 24)
        await until(pilot, lambda: footer.fitted)
        assert all(display for _, display in looks(footer)[1])
        await pilot.resize_terminal(*SIZE)
        await until(pilot, lambda: footer.fitted)
        assert looks(footer) == fitted


def test_keys_that_do_not_fit_whole_are_left_out_f1_first_and_the_others_in_their_order() -> None:
    from textual.geometry import Region

    from workbook.tui.widgets.footer import kept

    # The pseudo-language agenda at 80 columns, compact: "[", "]", "esc", "p Suggested path"
    # (22 cells), "^s", "^q" and "f1", a cell after each, the palette's key docked at 65.
    widths = [12, 9, 10, 22, 10, 9, 9]
    starts = [sum(widths[:n]) + n for n in range(len(widths))]
    row = [Region(x, 0, w, 1) for x, w in zip(starts, widths, strict=True)]
    palette = [Region(65, 0, 14, 1)]
    keep = kept(row, [1] * len(row), [6], palette, 80)
    # The long key is left out; the short ones after it, and F1, are kept.
    assert keep == [True, True, True, False, True, True, True]
    # With F1 kept first, a key that would leave it no room is left out instead.
    assert kept(row[:4] + row[6:], [1] * 5, [4], palette, 80) == [True, True, True, False, True]
    # F1 alone wider than the room is left out too: no key runs under another.
    assert kept([Region(0, 0, 70, 1)], [1], [0], palette, 80) == [False]
    assert kept(row[:3], [1] * 3, [], [], 80) == [True, True, True]
