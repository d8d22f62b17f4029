"""Draft agreement terms offered from the outcomes of earlier steps.

The couple edits or ignores every offer; these only save typing and point at what came up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbook.data.answers import chore_split, chore_tasks, read_values, request_rows
from workbook.data.models import Session
from workbook.logic.compare import compare_choice, compare_rank, compare_scale
from workbook.packs.models import AgreementStep, Pack


@dataclass(frozen=True)
class Offer:
    text: str
    source: str  # <pack id>.<step id>


def offers(pack: Pack, step: AgreementStep, session: Session, names: dict[str, str]) -> list[Offer]:
    """Terms suggested by the steps that ``step.from_`` names, in that order, without repeats."""
    found: list[Offer] = []
    for step_id in step.from_:
        source = pack.step(step_id)
        table = session.answer(pack.id, step_id)
        mode = getattr(source, "answer", "each-private")
        values = read_values(source.kind, mode, table)
        for text in _terms(source, mode, values, names, table):
            found.append(Offer(text, f"{pack.id}.{step_id}"))
    unique: dict[str, Offer] = {}
    for offer in found:
        unique.setdefault(offer.text.casefold(), offer)
    return list(unique.values())


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= 200 else line[:197] + "..."


def _terms(
    step: Any, mode: str, values: dict[str, Any], names: dict[str, str], table: dict[str, Any]
) -> list[str]:
    if step.kind == "chores":
        return _chore_terms(table, names)
    if step.kind == "requests":
        return _request_terms(table, names)
    if step.kind == "text":
        if mode == "together":
            return [_first_line(values["together"])] if values.get("together", "").strip() else []
        return [
            f"{names[key]}: {_first_line(values[key])}"
            for key in ("a", "b")
            if isinstance(values.get(key), str) and values[key].strip()
        ]
    if mode == "together":
        return []
    if "a" not in values or "b" not in values:
        return []
    if step.kind == "scale":
        rows = compare_scale(step.items, values["a"], values["b"], step.gap)
        return [
            f"Talk about “{row.item}” again, where we see it differently"
            for row in rows
            if row.flagged and row.item
        ]
    if step.kind == "choice":
        return [f"Protect “{x}” together" for x in compare_choice(values["a"], values["b"]).shared]
    if step.kind == "rank":
        ranked = compare_rank(values["a"], values["b"])
        return [f"Make room for “{ranked[0].item}”, which matters to both of us"] if ranked else []
    return []


def _chore_terms(table: dict[str, Any], names: dict[str, str]) -> list[str]:
    owner, part_a = chore_split(table)
    done = {row["name"]: row["done"] for row in chore_tasks(table)}

    def task(name: str) -> str:
        return f"{name} (done means: {done[name]})" if done.get(name) else name

    terms = []
    for key in ("a", "b"):
        mine = [task(n) for n, who in owner.items() if who == key]
        if mine:
            terms.append(f"{names[key]} takes on: {', '.join(mine)}")
    shared = [task(n) for n, who in owner.items() if who == "shared"]
    if shared:
        how = (
            "in alternating weeks"
            if 0.4 <= part_a <= 0.6
            else f"{names['a']} about {part_a * 100:.0f}%, {names['b']} the rest"
        )
        terms.append(f"We share {', '.join(shared)} ({how})")
    return terms


def _request_terms(table: dict[str, Any], names: dict[str, str]) -> list[str]:
    terms = []
    for row in request_rows(table):
        giver = names["b" if row["by"] == "a" else "a"]
        if row.get("decision") == "yes":
            terms.append(f"{giver}: {_first_line(row['text'])}")
        elif row.get("decision") == "third" and str(row.get("third", "")).strip():
            terms.append(_first_line(str(row["third"])))
    return terms
