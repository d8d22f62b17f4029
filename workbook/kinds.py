"""The one registry of step kinds: for each kind, its part in every layer.

A kind is a pack model (``packs``), an answer shape (``data``), a renderer (``export``) and a
widget (``tui``). Adding a kind means adding a line here, and a test checks that no part is
missing. Widgets are named, not imported, so that the core never loads Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from workbook.data.answers import VALUE_SHAPES
from workbook.export import steps as render
from workbook.packs.models import STEP_MODELS


@dataclass(frozen=True)
class KindParts:
    model: type[BaseModel]
    # The value one answerer gives, or None for kinds that keep a table of their own.
    value_shape: Any
    render: render.Renderer | None
    # The module of the kind's step widgets, named so that the core never loads Textual.
    widgets: str


def _parts(kind: str, renderer: render.Renderer | None) -> KindParts:
    return KindParts(
        STEP_MODELS[kind], VALUE_SHAPES.get(kind), renderer, f"workbook.tui.steps.{kind}"
    )


REGISTRY: dict[str, KindParts] = {
    "read": _parts("read", None),
    "text": _parts("text", render.render_text),
    "scale": _parts("scale", render.render_scale),
    "choice": _parts("choice", render.render_choice),
    "rank": _parts("rank", render.render_rank),
    "chores": _parts("chores", render.render_chores),
    "requests": _parts("requests", render.render_requests),
    "listen": _parts("listen", render.render_listen),
    "agreement": _parts("agreement", render.render_agreement),
}
