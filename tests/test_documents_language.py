"""The couple's documents in the couple's language: a Spanish couple's and an Arabic couple's
session summary and agreement document hold none of the app's English words (every kind of
step, the agreements made and reviewed, scores, the clock), and their HTML says its language
and direction."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from workbook.data.models import (
    Agreement,
    Agreements,
    Couple,
    PackUse,
    Partner,
    Review,
    Session,
)
from workbook.export.agreement_doc import agreement_document
from workbook.export.html import to_html
from workbook.export.summary import summary_markdown
from workbook.i18n import extract
from workbook.logic.session_packs import SessionPack
from workbook.packs.load import load_pack

WHEN = datetime(2026, 12, 18, 19, 5, tzinfo=timezone(timedelta(hours=1)))
PLACEHOLDER = re.compile(r"\{\w*\}")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# English words of the app's messages that are words of the other language too, or names,
# never a sign of English left in: "UTC" in a time, "DAP" (a progress note's template, named so
# in every language), Spanish "no" and "Plan".
NOT_ENGLISH_ONLY = {
    "es": {"UTC", "DAP", "No", "no", "Plan", "me", "once", "son"},
    "ar": {"UTC", "DAP"},
}

# A pack in the couple's language, with a step of every kind that writes into a summary, so
# that every word of a summary that is not the pack's or the couple's is the app's.
PACK: dict[str, dict[str, Any]] = {
    "es": {
        "title": "Prueba en casa",
        "text": "¿Qué significa el respeto?",
        "item1": "Trabajo",
        "item2": "Creencias",
        "low": "Nada",
        "high": "Del todo",
        "options": ["Diversión", "Confianza", "Honestidad"],
        "question": "Algo que te preocupa",
        "task1": "Cocinar",
        "task2": "Colegio",
        "words": "Cenar juntos los martes",
        "score": "Sentirse bien",
        "band": "Buena semana",
    },
    "ar": {
        "title": "تجربة في البيت",
        "text": "ماذا يعني الاحترام؟",
        "item1": "العمل",
        "item2": "المعتقدات",
        "low": "أبدًا",
        "high": "تمامًا",
        "options": ["المرح", "الثقة", "الصدق"],
        "question": "أمر يشغلك",
        "task1": "الطبخ",
        "task2": "المدرسة",
        "words": "العشاء معًا يوم الثلاثاء",
        "score": "الشعور بالرضا",
        "band": "أسبوع جيد",
    },
}


def pack_toml(language: str) -> str:
    w = PACK[language]
    options = ", ".join(f'"{o}"' for o in w["options"])
    return f'''format = 1
id = "prueba"
language = "{language}"
title = "{w["title"]}"
summary = "{w["title"]}"
minutes = 20
topics = ["{w["title"]}"]

[[steps]]
id = "meaning"
kind = "text"
prompt = "{w["text"]}"

[[steps]]
id = "areas"
kind = "scale"
prompt = "{w["text"]}"
items = ["{w["item1"]}", "{w["item2"]}"]
low = "{w["low"]}"
high = "{w["high"]}"
gap = 2

[[steps]]
id = "labelled"
kind = "scale"
prompt = "{w["text"]}"
min = 1
max = 3
labels = ["{w["low"]}", "{w["item1"]}", "{w["high"]}"]

[[steps]]
id = "pick"
kind = "choice"
prompt = "{w["text"]}"
options = [{options}]
pick_max = 3

[[steps]]
id = "order"
kind = "rank"
prompt = "{w["text"]}"
options_from = "pick"

[[steps]]
id = "guess"
kind = "guess"
prompt = "{w["text"]}"
questions = ["{w["question"]}"]

[[steps]]
id = "share"
kind = "chores"
prompt = "{w["text"]}"
tasks = [{{ name = "{w["task1"]}", minutes = 300 }}, {{ name = "{w["task2"]}", minutes = 150 }}]

[[steps]]
id = "asks"
kind = "requests"
prompt = "{w["text"]}"

[[steps]]
id = "practice"
kind = "listen"
prompt = "{w["text"]}"

[[steps]]
id = "agree"
kind = "agreement"
prompt = "{w["text"]}"
from = ["pick"]

[[scores]]
id = "feeling"
title = "{w["score"]}"
from = ["labelled"]
bands = [{{ min = 1, label = "{w["band"]}" }}]
'''


def answers(language: str) -> dict[str, object]:
    w = PACK[language]
    one, two, three = w["options"]
    item1, item2, task1, task2 = w["item1"], w["item2"], w["task1"], w["task2"]
    return {
        "meaning": {"a": w["words"], "b": w["words"]},
        "areas": {"a": {item1: 5, item2: 1}, "b": {item1: 2, item2: 1}},
        "labelled": {"a": 3, "b": 2},
        "pick": {"a": [one, two], "b": [two, three]},
        "order": {"a": [one, two], "b": [two, one]},
        "guess": {
            key: {
                "own": {w["question"]: w["words"]},
                "guess": {w["question"]: w["words"]},
                "marks": {w["question"]: mark},
            }
            for key, mark in (("a", "got it"), ("b", "not quite"))
        },
        "share": {
            "tasks": [
                {"name": task1, "minutes": 300, "now": "a", "done": w["words"]},
                {"name": task2, "minutes": 150, "now": "both"},
            ],
            "weights": {"a": {task1: 4, task2: 2}, "b": {task1: 2, task2: 4}},
            "split": {"owner": {task1: "b", task2: "shared"}, "shared_part_a": 0.3},
        },
        "asks": {
            "requests": [
                {"by": "a", "text": w["words"], "benefit": 5, "cost": 1, "decision": "later"},
                {
                    "by": "b",
                    "text": w["words"],
                    "benefit": 3,
                    "cost": 3,
                    "decision": "third",
                    "third": w["words"],
                    "note": w["words"],
                },
                {"by": "a", "text": w["words"], "benefit": 1, "cost": 5, "decision": "no"},
                {"by": "b", "text": w["words"], "benefit": 5, "cost": 5, "decision": "yes"},
                {"by": "a", "text": w["words"], "benefit": 1, "cost": 1},
            ]
        },
        "practice": {
            "turns": [
                {
                    "round": 1,
                    "speaker": "a",
                    "paraphrases": [w["words"], w["words"]],
                    "tries": 2,
                    "confirmed": True,
                    "timeouts": 1,
                },
                {
                    "round": 2,
                    "speaker": "b",
                    "paraphrases": [w["words"]],
                    "tries": 1,
                    "confirmed": False,
                },
            ]
        },
        "agree": {
            "terms": [
                {
                    "text": w["words"],
                    "who": "a",
                    "confirmed_by": ["a", "b"],
                    "review_on": date(2027, 1, 15),
                },
                {"text": w["words"], "who": "both", "confirmed_by": ["a"]},
                {"text": w["words"], "confirmed_by": []},
            ]
        },
    }


def couple(language: str) -> Couple:
    return Couple(
        id="c",
        created=WHEN,
        language=language,
        facilitator="Lee",
        partners=[Partner(key="a", name="Robin"), Partner(key="b", name="Noa")],
    )


def agreements(language: str) -> Agreements:
    words = PACK[language]["words"]

    def made(number: int, who: str, reviews: list[Review]) -> Agreement:
        return Agreement(
            id=f"s-{number}",
            text=words,
            made=date(2026, 11, 20),
            session="earlier",
            who=who,
            review_on=date(2027, 1, 15),
            confirmed_by=["a", "b"],
            source_title=PACK[language]["title"],
            reviews=reviews,
        )

    reviewed = [
        made(1, "a", [Review(on=date(2026, 12, 18), outcome="kept", session="now")]),
        made(
            2,
            "both",
            [Review(on=date(2026, 12, 18), outcome="changed", before=words, session="now")],
        ),
        made(3, "b", [Review(on=date(2026, 12, 18), outcome="retired", session="now")]),
    ]
    today = Agreement(
        id="now-1",
        text=words,
        made=date(2026, 12, 18),
        session="now",
        who="b",
        review_on=date(2027, 1, 15),
        confirmed_by=["a", "b"],
        source="prueba.agree",
        source_title=PACK[language]["title"],
    )
    reviewed[2].status = "retired"
    return Agreements(agreements=[*reviewed, today])


def documents(language: str, tmp_path: Path) -> tuple[str, str]:
    folder = tmp_path / language
    folder.mkdir()
    path = folder / "prueba.toml"
    path.write_text(pack_toml(language), encoding="utf-8")
    loaded = load_pack(path)
    assert loaded.ok, loaded.problems
    session = Session(
        id="now",
        started=WHEN,
        updated=WHEN + timedelta(minutes=50),
        finished=WHEN + timedelta(minutes=50),
        agenda=["prueba", "gone"],
        packs={"prueba": PackUse(title=PACK[language]["title"], digest=loaded.digest)},
        answers={"prueba": answers(language) | {"paso-viejo": {"a": "x"}}},
    )
    packs = {"prueba": SessionPack("prueba", loaded.pack)}
    summary = summary_markdown(couple(language), session, packs, agreements(language))
    document = agreement_document(couple(language), agreements(language), date(2026, 12, 18))
    return summary, document


@cache
def english_words() -> frozenset[str]:
    """Every word of the app's own English messages (placeholders taken out)."""
    words: set[str] = set()
    for message in extract.template():
        ids = message.id if isinstance(message.id, (list, tuple)) else [message.id]
        for text in ids:
            words |= set(WORD.findall(PLACEHOLDER.sub(" ", text or "")))
    return frozenset(w for w in words if len(w) > 1)


def english_in(text: str, language: str) -> set[str]:
    found = set(WORD.findall(text)) & english_words()
    return {w for w in found if w not in NOT_ENGLISH_ONLY[language]} - {"Robin", "Noa", "Lee"}


def test_the_list_of_the_app_s_english_words_is_the_app_s() -> None:
    words = english_words()
    for word in ("Agreements", "Session", "will", "Started", "Scale", "Round", "carry"):
        assert word in words
    assert english_in("Agreements made in this session", "es") == {
        "Agreements",
        "made",
        "in",
        "this",
        "session",
    }


@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_couple_s_summary_and_agreement_document_hold_no_english(
    language: str, tmp_path: Path
) -> None:
    summary, document = documents(language, tmp_path)
    assert english_in(summary, language) == set(), summary
    assert english_in(document, language) == set(), document
    # Every kind's part was written, so nothing was left out to pass.
    for name in ("Robin", "Noa", PACK[language]["task1"], PACK[language]["band"]):
        assert name in summary
    assert "2026" in summary
    assert "2027" in document


def test_a_couple_with_no_language_reads_english_as_before() -> None:
    english = couple("es").model_copy(update={"language": None})
    text = agreement_document(english, agreements("es"), date(2026, 12, 18))
    assert "Noa will:" in text
    assert "18 December 2026" in text
    assert "Our agreements" in text


@pytest.mark.parametrize(("language", "direction"), [("es", "ltr"), ("ar", "rtl"), ("en", "ltr")])
def test_html_says_its_language_and_direction(language: str, direction: str) -> None:
    page = to_html(
        "# Título\n\nمرحبا *Robin*\n\n- uno\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "t", language
    )
    assert f'<html lang="{language}" dir="{direction}">' in page
    for tag in ("h1", "p", "li", "th", "td"):
        assert re.search(f'<{tag} dir="auto">', page), tag
