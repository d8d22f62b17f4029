"""The speaker-listener practice: who has the floor, a time box, time-outs, and saying back.

Each turn: the speaker talks (out loud, with an optional countdown), the listener says back
what they heard and may type a short paraphrase, and the speaker confirms or asks for another
try, until it fits. Then the roles swap, for the step's number of rounds.
"""

from __future__ import annotations

from typing import Protocol

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Static

from workbook.data.answers.listen import Turn
from workbook.data.partners import other
from workbook.text import clean_line
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill
from workbook.tui.steps.base import StepInput, TurnPrompt
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

SPEAK, PARAPHRASE, CHECK, DONE = "speak", "paraphrase", "check", "done"
# The countdown ticks once a second (tests stop it, so that a picture never depends on timing).
TICK_SECONDS = 1.0


class SharedTime(Protocol):
    """The time box as both devices of an apart session share it (``screens/apart_presence``):
    the seconds left and whether a time-out is on, for a turn (counted from 0)."""

    def box(self, turn: int, speaking: bool) -> tuple[int, bool]: ...

    def time_out(self, turn: int, paused: bool) -> None: ...


def build(context: StepContext) -> list[Widget]:
    return [ListenInput(context)]


class ListenInput(StepInput):
    DEFAULT_CSS = """
    ListenInput #floor { text-style: bold; border: heavy $primary; padding: 0 1;
                         height: auto; text-align: center; }
    ListenInput #timer { text-align: center; height: 1; margin: 1 0; }
    ListenInput #say { height: auto; margin-bottom: 1; }
    ListenInput #heard { height: auto; color: $text-muted; }
    ListenInput .buttons { height: 1; margin-top: 1; }
    ListenInput .buttons Button { margin-right: 2; }
    """

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        step, first = self.step, context.first
        self.names = context.names
        self.order = [first, other(first)] * step.rounds
        self.turns: list[Turn] = [turn.model_copy(deep=True) for turn in self.answer.turns]
        self.stage = SPEAK
        self.paused = False
        self.left = (step.turn_minutes or 0) * 60
        # On a device of one's own, the time box is the session's, shared with the other device.
        self.shared: SharedTime | None = None
        if self.turns and not self.turns[-1].confirmed:
            last = self.turns[-1]
            # Back where it was left: the listener's try in the box, or the speaker's check; a
            # turn with only a time-out taken is still the speaker's (the other device too).
            self.stage = PARAPHRASE if last.draft is not None or not last.attempts else CHECK
            if last.draft is None and not last.attempts and last.timeouts:
                self.stage = SPEAK
        elif len(self.turns) >= len(self.order):
            self.stage = DONE

    def compose(self) -> ComposeResult:
        yield TurnPrompt(self.step)
        yield Static(id="floor")
        yield Static(id="timer", markup=False)
        yield Static(id="say")
        turn = self.turn()
        _ = tr_of(self)._
        paraphrase = Box(
            clean_line(turn.draft or "") if turn is not None else "",
            id="paraphrase",
            max_length=400,
            placeholder=_("In a few words, what you heard (optional), then {keys}").format(
                keys=key_of(self, "input.submit")
            ),
        )
        yield paraphrase
        yield Static(id="heard")
        with Horizontal(classes="buttons"):
            yield Button(_("I have said it"), id="spoken", compact=True, variant="primary")
            yield Button(_("Said it back"), id="said", compact=True, variant="primary")
            yield Button(_("Yes, that's it"), id="yes", compact=True, variant="success")
            yield Button(_("Not quite, try again"), id="again", compact=True)
            yield Button(_("Time-out"), id="timeout", compact=True, variant="warning")

    def on_mount(self) -> None:
        if self.step.turn_minutes or self.context.seat is not None:
            self.set_interval(TICK_SECONDS, self._tick)
        self._show()

    # The turn in hand

    def turn(self) -> Turn | None:
        if self.turns and not self.turns[-1].confirmed:
            return self.turns[-1]
        index = len(self.turns)
        if index >= len(self.order):
            return None
        return Turn(round=index // 2 + 1, speaker=self.order[index], tries=0)  # type: ignore[arg-type]

    def _start_turn(self) -> Turn:
        turn = self.turn()
        assert turn is not None
        if not any(existing is turn for existing in self.turns):
            self.turns.append(turn)
        return turn

    def _show(self) -> None:
        self._show_stage()
        turn = self.turn()
        if turn is None or self.stage == DONE or self.context.seat is None:
            return
        # On a device of one's own, each makes only their own moves: the speaker says it was
        # said and whether it was heard; the listener says it back.
        roles: dict[str, str] = {"spoken": turn.speaker, "yes": turn.speaker}
        roles["again"] = turn.speaker
        roles["said"] = turn.listener
        for button in self.query(Button):
            if button.id in roles and not self.context.mine(roles[button.id]):
                button.display = False
        if not self.context.mine(turn.listener):
            self.query_one("#paraphrase", Input).display = False

    def _show_stage(self) -> None:
        turn = self.turn()
        _ = tr_of(self)._
        buttons = {b.id: b for b in self.query(Button)}
        for button in buttons.values():
            button.display = False
        paraphrase = self.query_one("#paraphrase", Input)
        paraphrase.display = False
        heard = self.query_one("#heard", Static)
        if turn is None or self.stage == DONE:
            self.stage = DONE
            self.query_one("#floor", Static).update(_("You have both had the floor."))
            self.query_one("#say", Static).update(
                _("Well done. Press Next when you are ready to go on.")
            )
            self.query_one("#timer", Static).update("")
            heard.update("")
            return
        s, li = self.names[turn.speaker], self.names[turn.listener]
        self.query_one(TurnPrompt).address(s, li)
        self.query_one("#floor", Static).update(
            fill(
                _("$s has the floor · $l listens · round $round of $rounds"),
                s=s,
                l=li,
                round=str(int(turn.round)),
                rounds=str(self.step.rounds),
            )
        )
        buttons["timeout"].display = True
        if self.paused:
            self.query_one("#say", Static).update(
                fill(
                    _(
                        "Time-out. Take a breath, both of you. When you are both ready, press "
                        "Go on."
                    ),
                    s=s,
                )
            )
            buttons["timeout"].label = _("Go on")
            return
        buttons["timeout"].label = _("Time-out")
        if self.stage == SPEAK:
            self.query_one("#say", Static).update(
                fill(
                    _(
                        "$s: say it out loud, about your own feelings, briefly. $l: listen "
                        "without answering back."
                    ),
                    s=s,
                    l=li,
                )
            )
            buttons["spoken"].display = True
        elif self.stage == PARAPHRASE:
            self.query_one("#say", Static).update(
                fill(
                    _(
                        "$l: say back what you heard, in your own words, without adding your "
                        "view. Type a few words of it if you like."
                    ),
                    l=li,
                )
            )
            paraphrase.display = True
            buttons["said"].display = True
        elif self.stage == CHECK:
            self.query_one("#say", Static).update(
                fill(
                    _(
                        "$s: is that what you meant? If not, say what was missed, and $l tries "
                        "again."
                    ),
                    s=s,
                    l=li,
                )
            )
            buttons["yes"].display = True
            buttons["again"].display = True
        tries = [p for p in turn.paraphrases if p]
        heard.update(fill(_("Heard so far: $p"), p=" / ".join(tries)) if tries else "")
        self._show_timer()

    def _show_timer(self) -> None:
        timer = self.query_one("#timer", Static)
        if not self.step.turn_minutes or self.stage != SPEAK:
            timer.update("")
            return
        minutes, seconds = divmod(max(self.left, 0), 60)
        _ = tr_of(self)._
        if self.left > 0:
            said = _("{time} left of {minutes} minutes")
            timer.update(
                said.format(time=f"{minutes}:{seconds:02d}", minutes=self.step.turn_minutes)
            )
        else:
            timer.update(_("Time is up: finish your thought, then press I have said it."))

    def share(self, shared: SharedTime) -> None:
        """Take the time box (time left, time-out) from ``shared`` from now on."""
        self.shared = shared
        self._follow()

    def _turn_index(self) -> int:
        return sum(1 for turn in self.turns if turn.confirmed)

    def _follow(self) -> None:
        if self.shared is None or self.stage == DONE:
            return
        left, paused = self.shared.box(self._turn_index(), self.stage == SPEAK)
        if paused != self.paused:
            self.left, self.paused = left, paused
            self._show()
        elif left != self.left:
            self.left = left
            self._show_timer()

    def _tick(self) -> None:
        if self.shared is not None:
            self._follow()
            return
        if self.stage == SPEAK and not self.paused and self.left > 0:
            self.left -= 1
            self._show_timer()

    # Moves

    @on(Button.Pressed, "#spoken")
    def spoken(self) -> None:
        # An empty try begun: the listener is at it (not a time-out taken while speaking).
        self._start_turn().draft = ""
        self.stage = PARAPHRASE
        self._show()
        self.query_one("#paraphrase", Input).focus()
        self.report()

    @on(Input.Submitted, "#paraphrase")
    @on(Button.Pressed, "#said")
    def said_back(self) -> None:
        turn = self._start_turn()
        field = self.query_one("#paraphrase", Input)
        heard = clean_line(field.value)
        # A try said out loud only counts as a try; only typed words are kept as words.
        if heard:
            turn.paraphrases = [*turn.paraphrases, heard]
        turn.tries = min(turn.attempts + 1, 999)
        turn.draft = None
        with self.prevent(Input.Changed):
            field.value = ""
        self.stage = CHECK
        self._show()
        self.query_one("#yes", Button).focus()
        self.report()

    @on(Input.Changed, "#paraphrase")
    def _typing(self, event: Input.Changed) -> None:
        # Saved as typed, like every answer: a try half-typed is never lost.
        event.stop()
        turn = self.turn()
        if self.stage != PARAPHRASE or turn is None:
            return
        turn = self._start_turn()
        # Empty, it still says the listener is at it (not waiting for the speaker's check).
        turn.draft = clean_line(event.value)
        self.report()

    @on(Button.Pressed, "#yes")
    def confirmed(self) -> None:
        turn = self._start_turn()
        turn.confirmed = True
        self.stage = SPEAK
        self.left = (self.step.turn_minutes or 0) * 60
        self._show()
        focus = "#spoken" if self.turn() is not None else None
        if focus:
            self.query_one(focus, Button).focus()
        self.report()

    @on(Button.Pressed, "#again")
    def try_again(self) -> None:
        turn = self._start_turn()
        # Saved, so that another try is asked for on the listener's own device too.
        turn.draft = ""
        self.report()
        self.stage = PARAPHRASE
        self._show()
        self.query_one("#paraphrase", Input).focus()

    @on(Button.Pressed, "#timeout")
    def time_out(self) -> None:
        if not self.paused:
            turn = self._start_turn()
            turn.timeouts = min(turn.timeouts + 1, 999)
        self.paused = not self.paused
        if self.shared is not None:
            self.shared.time_out(self._turn_index(), self.paused)
        self._show()
        if not self.paused:
            # Going on: back to where the next key is expected, the box if it is a try.
            self.focus_input()
        self.report()

    def report(self) -> None:
        turns = [turn.model_copy(deep=True) for turn in self.turns]
        self.changed(self.answer.model_copy(update={"turns": turns}))

    def focus_target(self) -> Widget | None:
        if self.stage == PARAPHRASE and not self.paused:
            return self.query_one("#paraphrase", Input)
        visible = [b for b in self.query(Button) if b.display and b.id != "timeout"]
        return visible[0] if visible else None
