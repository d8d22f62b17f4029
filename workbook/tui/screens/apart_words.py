"""What a partner's own seat says around the stage (``apart.py``), in the couple's language:
waiting for the other, a step walked at one screen, the end, the line at the top and the
label of its Next button."""

from __future__ import annotations

from textual.content import Content

from workbook.i18n.catalog import N_, Translations
from workbook.service import apart

WAITING = N_("Waiting for $name.")
WAITING_MORE = N_(
    "Your answer is saved, and $name cannot see it. Both answers show here once $name is done too."
)
NOTICE = N_(
    "This step is walked together at one screen, not on your own devices. Either of you can "
    "go on with Next; the counsellor can send the link for both at one screen."
)
FINISHED = N_("This session is finished. Your answers are saved.")
# The Next button's words at each kind of stage; Next where none is named.
NEXT = {apart.ANSWER: N_("I'm done"), apart.WAITING: N_("Change my answer")}


def top_line(
    tr: Translations,
    me: str,
    progress: tuple[int, int, int, int] | None,
    other_done: str | None,
) -> Content:
    """The seat's line at the top: whose seat, the step and pack it is at, and whether the
    other partner is done with this step. Each part is one message, set apart by " · "."""
    parts = [tr._("{name}'s own seat").format(name=me)]
    if progress is not None:
        pack_no, packs, step_no, steps = progress
        if packs > 1:
            where = tr._("step {step} of {steps}, pack {pack} of {packs}")
        else:
            where = tr._("step {step} of {steps}")
        parts.append(where.format(step=step_no, steps=steps, pack=pack_no, packs=packs))
    if other_done is not None:
        parts.append(tr._("{name} is done").format(name=other_done))
    return Content(" · ".join(parts))


def next_label(tr: Translations, mode: str) -> Content:
    """The Next button's words at a stage of ``mode``."""
    word = NEXT.get(mode)
    return Content(tr.gettext(word) if word else tr._("Next"))
