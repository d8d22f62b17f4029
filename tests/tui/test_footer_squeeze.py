"""The footer in a longer language: when its keys, laid out, would run under the palette's key
(a Spanish walk at 80 columns cut "f1 Ayuda" to "f1 Ayud"), it takes the compact look, and
every key is whole; in English, where they fit, it keeps its roomier look."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from tests.tui.conftest import SIZE, app_for, make_couple, walk_drawn
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.widgets.footer import KeysFooter


def overrun(footer: Footer) -> list[str]:
    keys = [w for w in footer.query("FooterKey, FooterLabel") if w.display]
    palette = [w for w in keys if w.has_class("-command-palette")]
    end = palette[0].region.x if palette else footer.region.right
    return [str(w.render()) for w in keys if w not in palette and w.region.right > end]


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
        # The footer is measured once laid out: after the screen's next refresh.
        await pilot.app.animator.wait_until_complete()
        await pilot.pause()
        await pilot.pause()
        assert overrun(footer) == []
        assert footer.compact == (language == "es")
        assert any("Ayuda" in str(k.render()) for k in footer.query("FooterKey")) == (
            language == "es"
        )
