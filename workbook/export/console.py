"""The console's answers pane as Markdown: the step the couple is at, the scores, the answers
revealed so far (latest first), and the sealed answers as given, marked private.

It renders only what ``logic/live.py`` says may be shown, with each kind's own renderer, so the
escaping rules of every export hold here too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workbook.data.answers.kinds import read_answer
from workbook.data.partners import other
from workbook.data.sealed import Given, is_empty
from workbook.data.trail import ending
from workbook.export.markdown import bullets, heading, inline, names_and
from workbook.export.steps import renderer
from workbook.export.summary import score_line
from workbook.i18n.catalog import N_, _, ngettext
from workbook.logic.live import Live, Shown, Where, reveal_phase
from workbook.logic.phases import FIRST, HANDBACK, HANDOVER, LOOKAWAY, SECOND, takes_turns
from workbook.packs.models import Pack
from workbook.packs.placeholders import neutral

Names = Mapping[str, str]
PRIVATE_NOW = N_("*Private: the answers show here once the couple reaches the reveal.*")


def step_title(step: Any) -> str:
    return str(step.title or neutral(getattr(step, "prompt", "") or "") or step.id)


def doing(where: Where, names: Names) -> str:
    """What is happening at the couple's screen, in a few plain words (not Markdown)."""
    phase, turn = where.place.phase, where.turn
    name = names.get(turn or "", "")
    other_name = names.get(other(turn or ""), "")
    if where.apart and phase == FIRST:
        if where.private:
            return _("Both answering in private, each on their own device")
        return _("Both answering, each on their own device")
    if phase in (LOOKAWAY, HANDOVER):
        return _("The screen passes to {name}; {other} looks away").format(
            name=name, other=other_name
        )
    if phase == HANDBACK:
        return _("The screen passes back to {name}").format(name=name)
    if phase in (FIRST, SECOND) and turn is not None:
        if where.private:
            return _("{name}'s turn, in private").format(name=name)
        return _("{name}'s turn").format(name=name)
    if where.private and phase == reveal_phase(where.step):
        return _("Both see the answers")
    if getattr(where.step, "answer", None) == "together":
        return _("Answering together")
    if takes_turns(where.step):
        return _("Both at the screen, taking turns")
    return _("Both at the screen")


def where_words(found: Live | None, packs: int, trail: Sequence[Any], names: Names) -> str:
    """Where the couple is, in two lines: the pack and step, then what is happening (or the
    pause, or the end); ``packs``: how many the agenda has, ``trail``: the session's."""
    where_text = _("The couple has not begun yet.")
    if found is not None and found.where is not None:
        where = found.where
        pack_no, step_no, steps = where.place.pack + 1, where.place.step + 1, len(where.pack.steps)
        now = f"▶ {doing(where, names)}"
        if found.paused_at is not None:
            now = _(
                "⏸ Paused at {time}: the couple has left the session for now. This follows "
                "them when they come back."
            ).format(time=f"{found.paused_at:%H:%M}")
        where_text = _(
            "{pack} (pack {pack_no} of {packs}) · {step} (step {step_no} of {steps})\n{now}"
        ).format(
            pack=where.pack.title,
            pack_no=pack_no,
            packs=packs,
            step=step_title(where.step),
            step_no=step_no,
            steps=steps,
            now=now,
        )
    if found is not None and found.finished is not None:
        finished_at = f"{found.finished:%H:%M}"
        where_text = _("The session finished at {time}.").format(time=finished_at)
        early = ending(trail)
        if early is not None:
            missed = len(early.not_reached)
            where_text = ngettext(
                "The session ended early, at {time}: it was ended before the end of its "
                "agenda ({count} step not reached).",
                "The session ended early, at {time}: it was ended before the end of its "
                "agenda ({count} steps not reached).",
                missed,
            ).format(time=finished_at, count=missed)
    return where_text


def answers_markdown(found: Live, names: Names) -> str:
    """What the couple has seen of their answers, for the counsellor."""
    out: list[str] = []
    earlier = list(found.shown)
    where = found.where
    if where is not None:
        out.append(heading(3, _("Now: {step}").format(step=step_title(where.step))))
        current = [s for s in earlier if (s.pack.id, s.step.id) == (where.pack_id, where.step_id)]
        if current:
            earlier.remove(current[0])
            out += _rendered(current[0], names)
        elif where.private:
            out.append(_(PRIVATE_NOW))
            if found.answered_so_far:
                who = names_and(names[key] for key in found.answered_so_far)
                if where.apart:
                    out.append(_("*Done so far: {who}.*").format(who=who))
                else:
                    out.append(_("*Written so far: {who}.*").format(who=who))
        elif renderer(where.step) is None:
            out.append(_("*Nothing to answer at this step.*"))
        else:
            out.append(_("*Nothing answered at this step yet.*"))
    if found.scores:
        out.append(heading(3, _("Scores")))
        out.append(bullets(score_line(value, names) for _pack, value in found.scores))
    if earlier:
        out.append(heading(3, _("Revealed so far, latest first")))
        for item in reversed(earlier):
            out.append(heading(4, f"{item.pack.title} › {step_title(item.step)}"))
            out += _rendered(item, names)
    if not out:
        out.append(_("*Nothing to show yet.*"))
    return "\n\n".join(out) + "\n"


def _rendered(item: Shown, names: Names) -> list[str]:
    render = renderer(item.step)
    if render is None:
        return []
    return list(render(item.step, read_answer(item.step, item.table), names))


def sealed_markdown(
    given: Mapping[str, Mapping[str, Sequence[Given]]],
    packs: Mapping[str, Pack],
    names: Names,
) -> str:
    """Answers of ``each-sealed`` steps, as given (``NotesFile.read().given``), each partner's
    in order with its time: private to the counsellor, never shown to the partner. Empty when
    there are none."""
    from workbook.export.session_notes import answer_words
    from workbook.logic.safety import flags, options_of

    items = []
    for pack_id, steps in given.items():
        pack = packs.get(pack_id)
        for step_id, entries in steps.items():
            if not entries:
                continue
            title = step_id
            if pack is not None:
                found = next((s for s in pack.steps if s.id == step_id), None)
                title = f"{pack.title} › {step_title(found) if found else step_id}"
            lines = []
            for key in ("a", "b"):
                mine = [entry for entry in entries if entry.who == key]
                if mine:
                    said = [
                        (_("*no answer*") if is_empty(e.answer) else inline(answer_words(e.answer)))
                        + (_(" at {time}").format(time=f"{e.at:%H:%M}") if e.at is not None else "")
                        for e in mine
                    ]
                    lines.append(f"{inline(names.get(key, key))}: " + _(", then ").join(said))
            items.append(f"{inline(title)}\\\n  " + "\\\n  ".join(lines))
    if not items:
        return ""
    # The safety check's answers that asked for care come first, as one quiet line each: the
    # first that asked, whatever came after it.
    care = [
        f"⚑ {inline(flag.describe(names.get(flag.partner, flag.partner)))}"
        for flag in flags(given, options_of(packs.values()))
    ]
    return (
        heading(3, _("Private to you: sealed answers, as given"))
        + "\n\n"
        + _("*Never shown to the partner, and never in the couple's documents.*")
        + "\n\n"
        + (bullets(care) + "\n\n" if care else "")
        + bullets(items)
        + "\n"
    )
