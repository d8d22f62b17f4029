"""What the buttons of an agreement step on a partner's own device do (``apart_terms.py``):
each is one change of the session file (``service/apart_terms.py``); an offer of one partner's
own words asks who will do it and offers a rewording, Edit asks for the new words and Remove
asks first, as at one screen (``screens/term_dialogs.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work

from workbook.data.durable import SaveError
from workbook.service import apart_terms
from workbook.tui.plain import fill
from workbook.tui.screens.apart_terms import AGREED, ApartTerms

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations
    from workbook.service.apart import Seat, Stage


class TermActs:
    """A part of ``ApartScreen``: its agreement step's changes (handlers by name, since
    Textual's ``@on`` is read only on the screen's own class)."""

    seat: Seat
    shown: Stage | None
    names: dict[str, str]
    term_draft: str
    app: Any
    wb: Any

    if TYPE_CHECKING:
        # The screen's own, declared for the type checker only (a stub here would hide them).

        def _failed(self, error: SaveError) -> None: ...

        async def _after_change(self) -> None: ...

        def notify(self, *args: Any, **kwargs: Any) -> None: ...

        @property
        def tr(self) -> Translations: ...

    async def on_apart_terms_add(self, event: ApartTerms.Add) -> None:
        event.stop()
        self.term_draft = ""
        await self._term_change(lambda place: self._add(place, event.text))

    def _add(self, place: Any, text: str, source: str | None = None, who: str = "both") -> None:
        if not apart_terms.add(self.seat, place, text, self.wb.today(), source, who):
            self.notify(self.tr._("That term is already in your drafts."), markup=False)

    @work(exclusive=True, group="terms")
    async def on_apart_terms_act(self, event: ApartTerms.Act) -> None:
        from workbook.service.agreements import AgreementBook
        from workbook.tui.screens.confirm import ConfirmScreen
        from workbook.tui.screens.term_dialogs import TermWordsScreen, edit_note, quoted

        seat, index, shown, today = self.seat, event.index, event.shown, self.wb.today()
        if event.what == "agree":
            book = AgreementBook(seat.store, seat.couple, self.wb.today)
            made: list[bool] = []
            await self._term_change(
                lambda place: made.append(apart_terms.confirm(seat, place, index, book, shown))
            )
            if any(made):
                self.notify(self.tr.gettext(AGREED), markup=False)
        elif event.what == "back":
            await self._term_change(lambda p: apart_terms.take_back(seat, p, index, shown))
        elif event.what == "who":
            await self._term_change(lambda p: apart_terms.change_who(seat, p, index, shown))
        elif event.what in ("later", "sooner"):
            days = 7 if event.what == "later" else -7
            await self._term_change(
                lambda p: apart_terms.shift_review(seat, p, index, shown, days, today)
            )
        elif event.what == "remove":
            _ = self.tr._
            question = fill(_("Remove this draft?\n\n“$text”"), text=quoted(shown))
            if await self.app.push_screen_wait(
                ConfirmScreen(question, _("Remove it"), _("Keep it"))
            ):
                await self._term_change(lambda p: apart_terms.remove(seat, p, index, shown))
        elif event.what == "edit":
            asked = TermWordsScreen(shown, self.tr._("Edit the term"), edit_note(True, self.tr))
            words = await self.app.push_screen_wait(asked)
            if words and words != shown:
                await self._term_change(lambda p: apart_terms.edit(seat, p, index, shown, words))

    @work(exclusive=True, group="terms")
    async def on_apart_terms_offered(self, event: ApartTerms.Offered) -> None:
        """An offered term, added as at one screen: one partner's own words ask who will do
        them, and words in the first person are offered for rewording."""
        from workbook.logic.terms import first_person
        from workbook.tui.screens.term_dialogs import (
            TermWordsScreen,
            WhoScreen,
            describe,
            reword_note,
        )

        place = self.shown.place if self.shown else None
        offers = apart_terms.offered(self.seat, place, self.names) if place else []
        if not 0 <= event.index < len(offers):
            return
        offer = offers[event.index]
        who, text = offer.who, offer.text
        if offer.writer in ("a", "b"):
            asked = WhoScreen(text, offer.writer, offer.who, self.names)
            chosen = await self.app.push_screen_wait(asked)
            if chosen is None:
                return
            who = chosen
            said = first_person(text)
            if said:
                tr = self.tr
                doer = describe(self.names, who, tr)
                note = reword_note(text, said, self.names[offer.writer], doer, tr)
                words = await self.app.push_screen_wait(
                    TermWordsScreen(text, tr._("Reword it for the term"), note)
                )
                text = words or text
        await self._term_change(lambda p: self._add(p, text, offer.source, who))

    async def _term_change(self, change: Any) -> None:
        place = self.shown.place if self.shown else None
        if place is None:
            return
        try:
            change(place)
        except SaveError as error:
            self._failed(error)
            return
        await self._after_change()
