"""Optional private steps: what the couple sees when one or both of them left one blank.

A partner may leave an optional step empty. Shown as "(no answer)" under a name, or as the
other's words beside an empty card, that blank would tell both of them who skipped what. So an
optional private step shows its answers only when both partners answered it in full (the kind's
own ``not_ready`` says what full is). Otherwise the reveal, the session summary, the terms offered
at an agreement step and the scores show neither answer, and one neutral line stands for both:
the same line whoever left it blank, and when both did. The answers stay in the session file.
"""

from __future__ import annotations

from typing import Any

from workbook.data.models import PARTNER_KEYS
from workbook.i18n.catalog import N_

# Marked for the catalog, translated where shown.
KEPT_LINE = N_("This one is yours to keep. Talk about it if and when you both want to.")


def kept_back_if_left(step: Any) -> bool:
    """True when an answer of ``step`` left unfinished keeps both answers back: the step is
    optional and private."""
    return bool(getattr(step, "optional", False)) and getattr(step, "answer", None) == (
        "each-private"
    )


def kept_back(step: Any, answer: Any) -> bool:
    """True when ``step`` is optional and private and its ``answer`` is not whole for both
    partners: then neither answer is shown, only ``KEPT_LINE``."""
    if not kept_back_if_left(step):
        return False
    return not all(_whole(step, answer, key) for key in PARTNER_KEYS)


def _whole(step: Any, answer: Any, key: str) -> bool:
    if answer.value(key) is None:
        return False
    not_ready = getattr(answer, "not_ready", None)
    return not_ready is None or not_ready(step, key) is None
