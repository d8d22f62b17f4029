"""The {me} and {partner} placeholders."""

from __future__ import annotations

import pytest

from workbook.packs.placeholders import fill, neutral, problems, used


def test_fill_replaces_names_and_literal_braces() -> None:
    assert fill("{me}, ask {partner} {{kindly}}", me="Sam", partner="Alex") == (
        "Sam, ask Alex {kindly}"
    )


def test_fill_escapes_names_for_markdown() -> None:
    assert fill("{me}", me="*Sam*", partner="x", escape=lambda s: s.replace("*", r"\*")) == (
        r"\*Sam\*"
    )


def test_names_that_look_like_placeholders_are_not_filled_again() -> None:
    assert fill("{me} and {partner}", me="{partner}", partner="{me}") == "{partner} and {me}"


def test_problems_name_unknown_placeholders_and_lone_braces() -> None:
    assert problems("{me} {partner} {{x}}") == []
    assert "unknown placeholder {parter}" in problems("{parter}")[0]
    assert 'a lone "{"' in problems("oops { here")[0]
    assert 'a lone "}"' in problems("oops } here")[0]


def test_used_sees_only_real_placeholders() -> None:
    assert used("hi {me}")
    assert not used("hi {{me}}")
    assert not used("hi")


def test_neutral_wording_for_a_summary() -> None:
    assert neutral("{me}, what matters to you?") == "What matters to you?"
    assert neutral("How do you feel about {partner}?") == "How do you feel about your partner?"
    assert neutral("Plain {{braces}}") == "Plain {braces}"


def test_neutral_wording_starts_a_sentence_with_a_capital() -> None:
    assert neutral("{partner} asks you for help.") == "Your partner asks you for help."
    assert neutral("Listen. {partner} speaks first.") == "Listen. Your partner speaks first."
    assert neutral("What would {partner} say?\n{me} first.") == (
        "What would your partner say?\nYou first."
    )


@pytest.mark.parametrize(
    ("language", "template", "worded"),
    [
        ("en", "{me}, what matters?", "What matters?"),
        ("es", "¿{me}, qué aprendiste con {partner}?", "¿Qué aprendiste con tu pareja?"),
        ("es", "¡{partner} te escucha! ¿{me} también?", "¡Tu pareja te escucha! ¿Tú también?"),
        ("es", "{me}: ¿qué significa el dinero?", "¿Qué significa el dinero?"),
        (
            "ar",
            "{me}، ماذا يعني المال لك؟ وماذا يعني لـ {partner}؟",
            "ماذا يعني المال لك؟ وماذا يعني لـ الطرف الآخر؟",
        ),
        ("zh", "{me}，你从小学到了什么？", "你从小学到了什么？"),
        ("ja", "{me}、何を学びましたか？", "何を学びましたか？"),
    ],
)
def test_neutral_wording_works_in_every_script(language: str, template: str, worded: str) -> None:
    """The leading ``{me}`` goes with its comma in any script, a capital follows ``¿`` and
    ``¡``, and the words for the partners are the pack's language's, from its catalog."""
    assert neutral(template, language) == worded
