"""A Spanish couple's whole session, Home and the console, with the app in Spanish: none of
the app's English words on any screen; the same for an Arabic couple, in Arabic.

Pack text is Spanish here, so a word is the app's English when it is in an English message of
the catalogs and in no Spanish translation nor Spanish pack (``english_only``): "the", "turn",
"session" are caught, "no" and "plan" are not. What the work on other files still has to move
into the catalog is ``test_pseudo_walk.NOT_YET_IN_THE_CATALOG``, the one list of exceptions.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from tests.tui.conftest import SIZE, WHEN
from tests.tui.language_walk import (
    NOT_TRANSLATED,
    Looker,
    look_at_console,
    visual_order,
    walk_session,
    without_literals,
)
from tests.tui.test_pseudo_walk import NOT_YET_IN_THE_CATALOG
from workbook import tomlio
from workbook.data.store import Store
from workbook.i18n import extract
from workbook.packs.library import Library, builtin_folder
from workbook.tui.app import WorkbookApp
from workbook.tui.console import ConsoleApp

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
NAMES = {"es": ("Lucía", "Andrés", "Dra. Ruiz"), "ar": ("ليلى", "سامي", "د. هدى")}
WORDS = {"es": ("Una respuesta", "Un acuerdo"), "ar": ("إجابة", "اتفاق")}


def words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@cache
def english_only(language: str = "es") -> frozenset[str]:
    """The words of the app's English messages that no translation or pack of ``language``
    uses."""
    english: set[str] = set()
    for message in extract.template():
        for text in _strings(list(message.id) if isinstance(message.id, tuple) else message.id):
            english |= words(re.sub(r"\{[^{}]*\}|\$[a-z_]+|\[/?[^\]]*\]", " ", text))
    theirs: set[str] = set()
    for domain in extract.DOMAINS:
        for message in extract.read(language, domain):
            found = message.string
            for text in _strings(list(found) if isinstance(found, tuple) else found):
                theirs |= words(text)
    for path in builtin_folder().glob(f"*.{language}.toml"):
        for text in _strings(tomlio.loads(path.read_text(encoding="utf-8"))):
            theirs |= words(text)
    kept = {word.lower() for word in NOT_TRANSLATED} | words(" ".join(NAMES[language]))
    # A single letter is a key ("s Sesión"), never a word of the app's.
    return frozenset(word for word in english - theirs - kept if len(word) > 1)


def not_yet() -> set[str]:
    return {word for run in NOT_YET_IN_THE_CATALOG for word in words(run)}


@pytest.mark.parametrize("language", ["es", "ar"])
async def test_a_couple_in_their_language_sees_no_english(
    store: Store, library: Library, language: str
) -> None:
    couple = store.create_couple(*NAMES[language], when=WHEN, language=language)
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = language
    leaks = english_only(language)

    # A pack in another language is listed (marked as such) under its own title.
    titles = [
        loaded.pack.title
        for loaded in library.packs.values()
        if loaded.pack is not None and loaded.pack.language != language
    ]

    def english(line: str) -> list[str]:
        literals = [str(store.root), couple.id, *store.session_ids(couple.id), *titles]
        return sorted(words(without_literals(line, literals)) & leaks)

    looker = Looker(app, english)
    checked: set[str] = set()
    if language == "ar":
        # The screen's lines are in visual order: each equals python-bidi's reordering of the
        # logical line (``visual_order``), on every screen of the walk.
        look = looker.look

        def look_in_order(where: str) -> str:
            text = look(where)
            kinds, missing = visual_order(looker.app)
            checked.update(kinds)
            if missing:
                looker.cut.setdefault(f"{where}: not in visual order", []).extend(missing)
            return text

        looker.look = look_in_order  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await walk_session(pilot, looker, ["values", "respect"], *WORDS[language])
    session_id = store.session_ids(couple.id)[-1]
    console = ConsoleApp(
        Store(store.root), library, couple.id, session_id, theme="textual-dark", clock=lambda: WHEN
    )
    console.app_language = language
    await look_at_console(looker, console)

    assert len(looker.seen) > 30
    found = {
        word: [looker.example[word], *sorted(where)[:2]] for word, where in looker.english.items()
    }
    assert {word: where for word, where in found.items() if word not in not_yet()} == {}
    assert looker.cut == {}
    if language == "ar":
        # A prompt, a button, a heading and the footer's legend were among the lines checked.
        assert {"LaidOut", "Button", "Static", "FooterKey"} <= checked, checked
