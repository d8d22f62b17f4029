"""The registries of step kinds: every kind has every part in every layer, and nothing outside
a kind's own modules and the registries branches on a kind's name."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from workbook.data.answers.base import StepAnswer
from workbook.data.answers.kinds import ANSWERS
from workbook.export.steps import RENDERERS
from workbook.kinds import REGISTRY
from workbook.logic import phases
from workbook.logic.terms import TERMS
from workbook.packs.models import KINDS, STEP_MODELS

ROOT = Path(__file__).parents[1] / "workbook"
REGISTRIES = {"kinds.py", "tui/views.py"}
# "kind ==", "kind !=", "kind in ...", "kind not in ...", but not "for kind in ...".
BRANCH = re.compile(r"\bkind\s*[!=]=|(?<!for )\bkind\s+(?:not\s+)?in\b")
WALK_SCREEN_MOST_LINES = 250


def test_every_kind_has_every_core_part() -> None:
    assert set(REGISTRY) == set(KINDS) == set(STEP_MODELS) == set(ANSWERS)
    for kind, spec in REGISTRY.items():
        rules = STEP_MODELS[kind].rules
        assert spec.kind == kind
        assert spec.model is STEP_MODELS[kind]
        assert spec.answer is ANSWERS[kind]
        assert issubclass(spec.answer, StepAnswer)
        assert rules.phases in phases.RULES, kind
        # Every kind that takes an answer shows in a summary; a kind with an outcome offers
        # terms; a rated kind's answers give ratings.
        assert (kind in RENDERERS) == spec.answer.has_answer, kind
        assert (kind in TERMS) == rules.has_outcome, kind
        assert (spec.answer.ratings is not StepAnswer.ratings) == rules.rated, kind


def test_the_layers_lines_name_only_kinds() -> None:
    assert set(RENDERERS) <= set(KINDS)
    assert set(TERMS) <= set(KINDS)


def test_phases_and_turns_come_from_the_pack_models() -> None:
    # The rules the walk asks for, as each kind's pack model declares them (no registry above
    # ``logic`` is asked).
    by_kind = {kind: model.rules for kind, model in STEP_MODELS.items()}
    assert {kind for kind, rules in by_kind.items() if rules.takes_turns} == {"requests", "listen"}
    assert by_kind["chores"].phases == "chores"
    assert by_kind["guess"].phases == "always private"
    assert {by_kind[kind].phases for kind in ("read", "requests", "listen", "agreement")} == {"one"}


def test_every_kind_has_a_view_with_one_entry() -> None:
    from workbook.tui.views import VIEWS

    assert set(VIEWS) == set(KINDS)
    for kind, module_name in VIEWS.items():
        module = importlib.import_module(module_name)
        assert callable(getattr(module, "build", None)), kind


def test_no_branch_on_a_kind_outside_the_registries() -> None:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        if where in REGISTRIES:
            continue
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = text.split("#", 1)[0]
            if BRANCH.search(code):
                found.append(f"{where}:{number}: {text.strip()}")
    assert found == []


def test_the_walk_screen_stays_small() -> None:
    lines = (ROOT / "tui" / "screens" / "walk.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= WALK_SCREEN_MOST_LINES


def test_the_branch_check_finds_a_branch() -> None:
    # The check itself can fail: these are the shapes it must catch, and the one it must not.
    assert BRANCH.search('if step.kind == "chores":')
    assert BRANCH.search('if kind in ("a", "b"):')
    assert BRANCH.search("while kind not in done:")
    assert not BRANCH.search("for kind in KINDS:")
