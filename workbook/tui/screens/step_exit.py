"""Before the couple leaves the step on screen, by any way out: Next, Back, a step chosen in the
command palette, or Esc (pause).

- Next is refused while a step that is not optional has an answer that is not whole.
- Every way out says once what would stay behind (a term in the box, terms not confirmed by
  both of you, a request in its box), and how to go on: the same way again goes on.
- Then Next asks before it goes on from an answer begun and not finished (scale lines left without
  a number, fewer picks than the step asks for, a request not decided): the cursor goes first
  to what is left, in view, then a question such as "2 lines have no answer. Pass this step,
  so neither of you sees it?", with Go back focused first (Esc too). Only a partial answer is
  asked about: an optional step left empty goes on without a word.

The step's inputs say what there is to refuse, ask or say (``steps/base.py``); this module
only knows the ways out, so the walk screen stays small and knows no kind.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.content import Content

from workbook.i18n.catalog import N_
from workbook.logic.walk import Place
from workbook.tui.host import WorkbookScreen
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.steps.base import Question, StepInput

# How to go on once told, for each way out.
AGAIN = {
    "next": N_("Press Next again to go on."),
    "back": N_("Press Back again to go back."),
    "goto": N_("Choose that step again to go there."),
    # With the keys in force for the walk's pause.
    "pause": N_("Press {pause} again to pause."),
}


class StepExit:
    """The checks before leaving the steps of one walk screen."""

    def __init__(
        self, screen: WorkbookScreen[None], where: Callable[[], Place], read_only: bool
    ) -> None:
        # The walk screen, where the couple is on it, and whether it only reads (the walk
        # imports this module, never the other way round).
        self.screen = screen
        self.where = where
        self.read_only = read_only
        # Said once for each place and way: the same way again goes on.
        self._warned: set[tuple[Place, str]] = set()
        # The couple chose to go on from this place: the next Next asks nothing.
        self._going_on: Place | None = None

    def may_leave(self, way: str, again: Callable[[], Awaitable[None]] | None = None) -> bool:
        """True when the couple may leave by ``way`` now. Otherwise it says why, or asks (for
        Next, then ``again`` goes on once the couple chose to)."""
        screen = self.screen
        place = self.where()
        going_on, self._going_on = self._going_on == place, None
        inputs = [] if self.read_only else list(screen.query(StepInput))
        for widget in inputs:
            problem = widget.problem() if way == "next" else None
            if problem and not getattr(widget.step, "optional", False):
                screen.notify(problem, severity="warning", markup=False)
                widget.focus_input()
                return False
            warning = widget.before_leaving()
            if warning and (place, way) not in self._warned:
                self._warned.add((place, way))
                pause = screen.wb.keys_for("walk.pause")
                tr = screen.tr
                again_said = tr.gettext(AGAIN[way]).format(pause=pause)
                # TRANSLATORS: what would stay behind, then how to go on anyway.
                said = tr._("{warning} {again}").format(warning=warning, again=again_said)
                screen.notify(said, severity="warning", markup=False)
                return False
            question = widget.question_before_next() if way == "next" else None
            if question is not None and not going_on:
                self._ask(widget, question, again)
                return False
        return True

    def _ask(
        self,
        widget: StepInput,
        question: Question,
        again: Callable[[], Awaitable[None]] | None,
    ) -> None:
        place = self.where()
        widget.show_left()

        async def answered(go_on: bool | None) -> None:
            if not go_on or self.where() != place:
                widget.show_left()
                return
            if question.then is not None:
                question.then()
            self._going_on = place
            if again is not None:
                await again()

        asked = ConfirmScreen(Content(question.words), question.go_on, self.screen.tr._("Go back"))
        self.screen.app.push_screen(asked, answered)
