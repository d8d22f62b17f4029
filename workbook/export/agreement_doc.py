"""The agreement document, ``agreement.md``: what the couple agreed, who does it, and when to look
again. It is made from ``agreements.toml`` alone (each agreement keeps the title of the pack it
came from), so whichever path writes it, the same agreements give the same document.

It reads as plain text too: no backslash line breaks, and the confirmation said once. It speaks
the couple's language (couple.toml ``language``): each sentence is one template of the catalog,
with the names and dates dropped in, and dates are written as that language writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from workbook.data.files import DataError
from workbook.data.models import Agreement, Agreements, Couple
from workbook.data.store import Store
from workbook.export.markdown import heading, inline, long_date, names_and, paragraphs
from workbook.i18n.catalog import N_, _, current, ngettext, speaking

OTHER = N_("Other agreements")


def doer(agreement: Agreement, names: Mapping[str, str]) -> str:
    """Who does it, as the start of the item: "Alex will:" or "Both of you:"."""
    if agreement.who in ("a", "b"):
        # TRANSLATORS: the start of an agreement that one partner does: "Alex will: cook".
        return _("{name} will:").format(name=inline(names[agreement.who]))
    return _("Both of you:")


def agreement_item(agreement: Agreement, names: Mapping[str, str]) -> str:
    """One agreement as a list item: who does it and the terms, then its dates."""
    text = paragraphs(agreement.text, indent="  ")
    dates = _("Agreed on {made}; next review on {review}.").format(
        made=long_date(agreement.made), review=long_date(agreement.review_on)
    )
    return f"- **{doer(agreement, names)}** {text}\n\n  *{dates}*"


def group_of(agreement: Agreement) -> str:
    """The heading an agreement goes under: the pack it came from."""
    title = agreement.source_title or (agreement.source or "").split(".", 1)[0]
    return _("From “{title}”").format(title=title) if title else current().gettext(OTHER)


def agreement_document(couple: Couple, agreements: Agreements, today: date) -> str:
    """The document as CommonMark, in the couple's language."""
    with speaking(couple.language):
        return _document(couple, agreements, today)


def _document(couple: Couple, agreements: Agreements, today: date) -> str:
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    out = [heading(1, _("Our agreements"))]
    people = names_and(couple.names)
    if couple.facilitator:
        people = _("{people}, with {facilitator}").format(
            people=people, facilitator=inline(couple.facilitator)
        )
    out.append(_("{people}. Written on {day}.").format(people=people, day=long_date(today)))
    active = agreements.active()
    if not active:
        out.append("*" + _("No agreements yet. They appear here once you both confirm one.") + "*")
        return "\n\n".join(out) + "\n"
    out.append(_("Each agreement here was confirmed by both of you."))
    groups: dict[str, list[Agreement]] = {}
    for agreement in sorted(active, key=lambda a: (a.made, a.id)):
        groups.setdefault(group_of(agreement), []).append(agreement)
    for group, members in groups.items():
        out += [heading(2, group), "\n\n".join(agreement_item(a, names) for a in members)]
    out += [heading(2, _("How we will revisit this")), _revisit(agreements, today)]
    return "\n\n".join(out) + "\n"


def _revisit(agreements: Agreements, today: date) -> str:
    due = agreements.due(today)
    upcoming = sorted({a.review_on for a in agreements.active() if not a.is_due(today)})
    lines = []
    if due:
        lines.append(
            ngettext(
                "One agreement is due for review now.",
                "{count} agreements are due for review now.",
                len(due),
            ).format(count=len(due))
        )
    if upcoming:
        lines.append(_("The next review is on {day}.").format(day=long_date(upcoming[0])))
    lines.append(
        _(
            "At each review, sit down together and decide for each agreement: keep it, change "
            "it, or let it go."
        )
    )
    return " ".join(lines)


def written_document(store: Store, couple: Couple, agreements: Agreements, today: date) -> str:
    """The document as written to ``agreement.md`` and exported: ``agreement_document``, once
    agreements made before each kept its pack's title have it back (``fill_titles``)."""
    fill_titles(store, couple, agreements)
    return agreement_document(couple, agreements, today)


def fill_titles(store: Store, couple: Couple, agreements: Agreements) -> None:
    """Agreements made before each kept its pack's title get it from the session they were
    made in, which recorded the title of every pack it used."""
    titles: dict[tuple[str, str], str | None] = {}
    for agreement in agreements.agreements:
        if agreement.source_title or not agreement.source or not agreement.session:
            continue
        pack_id = agreement.source.split(".", 1)[0]
        key = (agreement.session, pack_id)
        if key not in titles:
            titles[key] = None
            if agreement.session in store.session_ids(couple.id):
                try:
                    session = store.load_session(couple.id, agreement.session)
                except DataError:
                    session = None
                use = session.packs.get(pack_id) if session else None
                titles[key] = use.title if use else None
        agreement.source_title = titles[key]
