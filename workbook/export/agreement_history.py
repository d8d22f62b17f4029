"""Agreements in a session summary, as they stood on the day: each agreement made that day in
its words and with its review date of that day, each review made in the session with the words
before and after, and what happened after that day only as later notes, each with its date.

An agreement keeps its present words; a review keeps the words it replaced (``before``) and the
review date it replaced (``due``), so the words and dates of any day can be told from the file.
Older files have no ``due``: a summary then gives no review date for a day it cannot know.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from workbook.data.models import Agreement, Agreements
from workbook.export.agreement_doc import doer
from workbook.export.markdown import long_date, paragraphs, phrase
from workbook.i18n.catalog import _, pgettext

Names = Mapping[str, str]


def wording(agreement: Agreement) -> list[str]:
    """The agreement's words over time: as made, then after each change, in order."""
    changed = [r.before for r in agreement.reviews if r.outcome == "changed" and r.before]
    return [*changed, agreement.text]


def _words_at(agreement: Agreement, reviews_before: int) -> str:
    """The words after the first ``reviews_before`` reviews."""
    changes = sum(
        1 for r in agreement.reviews[:reviews_before] if r.outcome == "changed" and r.before
    )
    return wording(agreement)[changes]


def _review_date_after(agreement: Agreement, reviews_before: int) -> date | None:
    """The review date set by the first ``reviews_before`` reviews (the day it was made, for
    none), when the file tells it."""
    following = agreement.reviews[reviews_before:]
    if following:
        return following[0].due
    return agreement.review_on if agreement.status == "active" else None


def _item(agreement: Agreement, names: Names, words: str, said: str) -> str:
    """A list item: who does it and ``words``, then ``said`` (Markdown) under it."""
    text = paragraphs(words, indent="  ")
    return f"- **{doer(agreement, names)}** {text}\n\n  {said}"


def _later(agreement: Agreement, after: int) -> str | None:
    """The reviews from index ``after`` on, as one later note with their dates."""
    notes = []
    for index, review in enumerate(agreement.reviews[after:], after):
        on = long_date(review.on)
        if review.outcome == "kept":
            notes.append(_("kept on {day}").format(day=on))
        elif review.outcome == "changed":
            words = phrase(_words_at(agreement, index + 1))
            notes.append(_("changed on {day}, to: {words}").format(day=on, words=words))
        else:
            notes.append(_("let go on {day}").format(day=on))
    if not notes:
        return None
    # TRANSLATORS: what goes between the later changes of an agreement ("; " in English).
    said = pgettext("list", "; ").join(notes)
    said = _("*Later:* {changes}").format(changes=said)
    return "  " + said + ("" if said.endswith((".", "。", "؟", "?", "!")) else ".")


def made_item(agreement: Agreement, names: Names) -> str:
    """An agreement as it was made: its first words and first review date, then what came
    after as a later note."""
    made = long_date(agreement.made)
    first_review = _review_date_after(agreement, 0)
    said = (
        _("Agreed on {made}; review on {review}.").format(made=made, review=long_date(first_review))
        if first_review
        else _("Agreed on {made}.").format(made=made)
    )
    item = _item(agreement, names, wording(agreement)[0], f"*{said}*")
    later = _later(agreement, 0)
    return f"{item}\n\n{later}" if later else item


def reviewed_items(agreements: Agreements, session_id: str, names: Names) -> list[str]:
    """Every review made in session ``session_id``: the agreement as it stood then, what was
    decided (with the old and new words of a change), then what came after as a later note."""
    items = []
    for agreement in sorted(agreements.agreements, key=lambda a: (a.made, a.id)):
        for index, review in enumerate(agreement.reviews):
            if review.session != session_id:
                continue
            on = long_date(review.on)
            before = _words_at(agreement, index)
            following = _review_date_after(agreement, index + 1)
            again = long_date(following) if following else ""
            if review.outcome == "kept":
                said = (
                    _("Kept on {day}; next review on {review}.") if again else _("Kept on {day}.")
                )
                item = _item(
                    agreement, names, before, "*" + said.format(day=on, review=again) + "*"
                )
            elif review.outcome == "changed":
                after = _words_at(agreement, index + 1)
                said = (
                    _("*Changed on {day}; next review on {review}. The words before:* {words}")
                    if again
                    else _("*Changed on {day}. The words before:* {words}")
                )
                said = said.format(day=on, review=again, words=phrase(before))
                item = _item(agreement, names, after, said)
            else:
                item = _item(
                    agreement, names, before, "*" + _("Let go on {day}.").format(day=on) + "*"
                )
            later = _later(agreement, index + 1)
            items.append(f"{item}\n\n{later}" if later else item)
    return items
