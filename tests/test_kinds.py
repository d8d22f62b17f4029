"""The one registry of step kinds names every part of every kind."""

from __future__ import annotations

import importlib
import inspect

from workbook.data.answers import VALUE_SHAPES
from workbook.kinds import REGISTRY
from workbook.packs.models import KINDS, STEP_MODELS


def test_every_kind_has_every_part() -> None:
    assert set(REGISTRY) == set(KINDS) == set(STEP_MODELS)
    for kind, parts in REGISTRY.items():
        assert parts.model is STEP_MODELS[kind]
        assert parts.value_shape is VALUE_SHAPES.get(kind)
        assert (parts.render is None) == (kind == "read"), kind


def test_every_kind_has_its_widgets() -> None:
    from textual.widget import Widget

    for kind, parts in REGISTRY.items():
        module = importlib.import_module(parts.widgets)
        widgets = [
            value
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, Widget)
            and value.__module__ == module.__name__
        ]
        assert widgets or kind == "read", kind
