"""The pack models hold every rule of the format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from tests.packs_helpers import write_pack
from workbook.packs.load import load_pack
from workbook.packs.models import KIND_RULES, KINDS, ChoiceStep, Pack

BASE: dict[str, Any] = {"format": 1, "id": "p", "title": "T", "summary": "S"}


def pack(*steps: dict[str, Any], **top: Any) -> Pack:
    return Pack.model_validate({**BASE, **top, "steps": list(steps)})


def rule_messages(*steps: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        pack(*steps)
    return [str(e["msg"]) for e in caught.value.errors()]


def test_every_kind_of_section_4_validates() -> None:
    loaded = pack(
        {"id": "r", "kind": "read", "body": "Hello"},
        {"id": "t", "kind": "text", "prompt": "{me}?", "max_chars": 10},
        {"id": "s", "kind": "scale", "prompt": "?", "items": ["x"], "gap": 2},
        {"id": "c", "kind": "choice", "prompt": "?", "options": ["a", "b"], "pick_max": 2},
        {"id": "k", "kind": "rank", "prompt": "?", "options_from": "c"},
        {"id": "g", "kind": "guess", "prompt": "{me}?", "questions": ["Your friend"]},
        {"id": "h", "kind": "chores", "prompt": "?", "tasks": [{"name": "Dishes", "minutes": 60}]},
        {"id": "q", "kind": "requests", "prompt": "{partner}?"},
        {"id": "l", "kind": "listen", "prompt": "{me}", "turn_minutes": 3},
        {"id": "a", "kind": "agreement", "prompt": "?", "from": ["s", "h"]},
    )
    assert [s.kind for s in loaded.steps] == list(KINDS)


def test_defaults_follow_the_contract() -> None:
    loaded = pack(
        {"id": "t", "kind": "text", "prompt": "?"},
        {"id": "s", "kind": "scale", "prompt": "?"},
        {"id": "c", "kind": "choice", "prompt": "?", "options": ["a", "b"]},
        {"id": "q", "kind": "requests", "prompt": "?"},
        {"id": "l", "kind": "listen", "prompt": "?"},
        {"id": "a", "kind": "agreement", "prompt": "?"},
    )
    text, scale, choice, requests, listen, agreement = loaded.steps
    assert (text.answer, text.optional) == ("each-private", False)
    assert (scale.min, scale.max, scale.items, scale.gap) == (1, 5, [], 2)
    assert (choice.pick_min, choice.pick_max, choice.other) == (1, 1, False)
    assert requests.max_per_partner == 3
    assert listen.rounds == 1
    assert (agreement.review_days, agreement.from_) == (28, [])
    assert loaded.recurring is False


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ({"kind": "scale", "prompt": "?", "min": 3, "max": 3}, "must be greater than min"),
        ({"kind": "scale", "prompt": "?", "min": 0, "max": 11}, "at most 10"),
        ({"kind": "scale", "prompt": "?", "gap": 5}, "larger than the scale"),
        ({"kind": "choice", "prompt": "?", "options": ["a", "b"], "pick_max": 3}, "pick_max (3)"),
        (
            {"kind": "choice", "prompt": "?", "options": ["a", "b"], "pick_min": 2, "pick_max": 1},
            "pick_min (2) is more than pick_max (1)",
        ),
        ({"kind": "rank", "prompt": "?"}, "exactly one of options or options_from"),
        ({"kind": "text", "prompt": "{me}", "answer": "together"}, 'answer = "together"'),
        ({"kind": "chores", "prompt": "{me}"}, "not allowed in a chores step"),
        ({"kind": "agreement", "prompt": "{partner}"}, "not allowed in an agreement step"),
        ({"kind": "text", "prompt": "{you}"}, "unknown placeholder {you}"),
        ({"kind": "text", "prompt": "?", "help": "{me"}, 'a lone "{"'),
        (
            {"kind": "chores", "prompt": "?", "tasks": [{"name": "A"}, {"name": "a "}]},
            'task "a" is the same as "A"',
        ),
        (
            {"kind": "choice", "prompt": "?", "options": ["Space", "Time", "space"]},
            'option "space" is the same as "Space"',
        ),
        ({"kind": "rank", "prompt": "?", "options": ["a", "b", "a"]}, 'option "a" is listed'),
        ({"kind": "scale", "prompt": "?", "items": ["Work", " WORK"]}, 'item "WORK" is the same'),
        ({"kind": "read", "title": "For {me}", "body": "x"}, "filled in only in prompts"),
        ({"kind": "read", "body": "Dear {me}"}, "filled in only in prompts"),
        ({"kind": "choice", "prompt": "?", "options": ["{x}", "b"]}, "only when doubled"),
    ],
)
def test_step_rules(step: dict[str, Any], expected: str) -> None:
    assert any(expected in m for m in rule_messages({"id": "x", **step}))


def test_choice_with_other_allows_one_more_pick() -> None:
    pack(
        {
            "id": "c",
            "kind": "choice",
            "prompt": "?",
            "options": ["a", "b"],
            "pick_max": 3,
            "other": True,
        }
    )


def test_cross_step_rules() -> None:
    messages = rule_messages(
        {"id": "r", "kind": "read", "body": "x"},
        {"id": "r", "kind": "text", "prompt": "?"},
        {"id": "k", "kind": "rank", "prompt": "?", "options_from": "later"},
        {"id": "later", "kind": "choice", "prompt": "?", "options": ["a", "b"]},
        {"id": "a", "kind": "agreement", "prompt": "?", "from": ["r", "nope"]},
    )
    joined = " | ".join(messages)
    assert 'step id "r" is used by an earlier step' in joined
    assert '"later" is not an earlier choice step' in joined
    assert '"r" is a read step, which has no outcome to offer' in joined
    assert '"nope" is not an earlier step' in joined


def test_the_pack_title_never_names_a_partner() -> None:
    with pytest.raises(ValidationError, match="filled in only in prompts and help"):
        pack({"id": "t", "kind": "text", "prompt": "?"}, title="{partner}'s side")


def test_doubled_braces_are_shown_single_where_text_is_shown_as_written() -> None:
    loaded = pack(
        {"id": "r", "kind": "read", "title": "{{me}}", "body": "Sets: {{a, b}}"},
        {"id": "c", "kind": "choice", "prompt": "{{me}}, {me}?", "options": ["{{x}}", "b"]},
        summary="A {{b}}race",
    )
    read, choice = loaded.steps
    assert (read.title, read.body, loaded.summary) == ("{me}", "Sets: {a, b}", "A {b}race")
    assert isinstance(choice, ChoiceStep)
    assert choice.options[0] == "{x}"
    # A prompt keeps its braces: they are filled in when it is shown.
    assert choice.prompt == "{{me}}, {me}?"


def test_the_rules_know_every_kind(tmp_path: Path) -> None:
    assert set(KIND_RULES) == set(KINDS)
    steps = (
        '[[steps]]\nid = "s"\nkind = "scael"\nprompt = "?"\n'
        '[[steps]]\nid = "a"\nkind = "agreement"\nprompt = "?"\nfrom = ["s"]\n'
    )
    problems = load_pack(write_pack(tmp_path, "p", steps)).problems
    # The misspelt kind is the one problem: the reference to that step is not another.
    assert [p.path for p in problems] == [("steps", 0, "kind")]


def test_text_is_cleaned_on_load() -> None:
    loaded = pack({"id": "t", "kind": "text", "prompt": "Hi\x1b[31m \u202eyou"})
    assert loaded.steps[0].prompt == "Hi[31m you"


@pytest.mark.parametrize("value", ["5", 5.0, True])
def test_numbers_are_strict(value: Any) -> None:
    with pytest.raises(ValidationError):
        pack({"id": "t", "kind": "text", "prompt": "?", "max_chars": value})


def test_newer_format_is_refused_in_words() -> None:
    with pytest.raises(ValidationError, match="needs a newer workbook"):
        pack({"id": "t", "kind": "text", "prompt": "?"}, format=2)
