"""The agreement document, ``agreement.md``: what the couple agreed, and when to look again."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from workbook.data.models import Agreement, Agreements, Couple
from workbook.export.markdown import block, bullets, heading, inline, long_date, names_and

OTHER = "Other agreements"


def agreement_line(agreement: Agreement, names: Mapping[str, str]) -> str:
    """One agreement as a list item's text: the terms, then review date and confirmation."""
    who = names_and(names[k] for k in ("a", "b") if k in agreement.confirmed_by) or "nobody"
    detail = (
        f"*Review on {long_date(agreement.review_on)}. "
        f"Confirmed by {who} on {long_date(agreement.made)}.*"
    )
    return f"{block(agreement.text, indent='  ')}\\\n  {detail}"


def agreement_document(
    couple: Couple, agreements: Agreements, titles: Mapping[str, str], today: date
) -> str:
    """The document as CommonMark. ``titles`` maps pack ids to titles for the group headings."""
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    out = [heading(1, "Our agreements")]
    people = names_and(couple.names)
    if couple.facilitator:
        people += f", with {inline(couple.facilitator)}"
    out.append(f"{people}. Written on {long_date(today)}.")
    active = agreements.active()
    if not active:
        out.append("*No agreements yet. They appear here once you both confirm one.*")
        return "\n\n".join(out) + "\n"
    groups: dict[str, list[Agreement]] = {}
    for agreement in sorted(active, key=lambda a: (a.made, a.id)):
        pack_id = (agreement.source or "").split(".", 1)[0]
        group = f"From “{titles.get(pack_id, pack_id)}”" if pack_id else OTHER
        groups.setdefault(group, []).append(agreement)
    for group, members in groups.items():
        out += [heading(2, group), bullets(agreement_line(a, names) for a in members)]
    out += [heading(2, "How we will revisit this"), _revisit(active, today)]
    return "\n\n".join(out) + "\n"


def _revisit(active: list[Agreement], today: date) -> str:
    due = [a for a in active if a.review_on <= today]
    upcoming = sorted({a.review_on for a in active if a.review_on > today})
    lines = []
    if due:
        count = "one agreement is" if len(due) == 1 else f"{len(due)} agreements are"
        lines.append(f"{count.capitalize()} due for review now.")
    if upcoming:
        lines.append(f"The next review is on {long_date(upcoming[0])}.")
    lines.append(
        "At each review, sit down together and decide for each agreement: keep it, change it, "
        "or let it go."
    )
    return " ".join(lines)
