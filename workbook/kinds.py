"""The one registry of step kinds: for each kind, its part in every layer of the core.

A kind is a pack model (``packs``), whose ``KindRules`` say what the format and the walk know of
it (its phases, whether partners take turns, whether it is rated or has an outcome); an answer
model (``data/answers``, by name in ``data/answers/kinds.py``), whose methods hold the kind's
rules; the terms its outcome offers (``logic/terms.py``); and a renderer (``export/steps.py``).
Each layer keeps its own line, so that no arrow runs up; this registry gathers them for the
layers above, with what only those layers ask (walked apart, confirmed with keys). Nothing
outside a kind's own modules and the registries branches on a kind's name. The TUI's map of
views is ``tui/views.py``.

Adding a kind: its modules, then one line in each layer's registry, here and in
``tui/views.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbook.data.answers.base import StepAnswer
from workbook.data.answers.kinds import ANSWERS
from workbook.i18n.said import Words
from workbook.packs.models import STEP_MODELS


@dataclass(frozen=True)
class KindSpec:
    """Everything the layers above the core know about one kind of step."""

    kind: str
    # Each partner confirms with a key of their own (the partner bar shows the keys).
    confirms_with_keys: bool = False
    # Walked apart, each partner on a seat of their own (``service/apart.py``): a step of one
    # answer per partner (or one together). The other kinds are walked at one screen.
    apart: bool = False
    # Where each partner's private part of the answer table is, walked apart: "" for a value
    # under the partner's own key (a, b); else that key of the table, by partner.
    private_in: str = ""

    @property
    def model(self) -> type[Any]:
        return STEP_MODELS[self.kind]

    @property
    def answer(self) -> type[StepAnswer]:
        return ANSWERS[self.kind]

    def read(self, table: Any, problems: list[Words] | None = None, where: str = "") -> Any:
        """The typed answer in ``table``; problems are added to ``problems``."""
        return self.answer.read(table, problems, where)


REGISTRY: dict[str, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec("read", apart=True),
        KindSpec("text", apart=True),
        KindSpec("scale", apart=True),
        KindSpec("choice", apart=True),
        KindSpec("rank", apart=True),
        KindSpec("guess", apart=True),
        KindSpec("chores", apart=True, private_in="weights"),
        KindSpec("requests", apart=True),
        KindSpec("listen", apart=True),
        KindSpec("agreement", confirms_with_keys=True),
    )
}


def spec(step: Any) -> KindSpec:
    """The spec of ``step``'s kind."""
    return REGISTRY[step.kind]
