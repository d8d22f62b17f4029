"""The agreement book: the one owner of a couple's ``agreements.toml``, and the one writer of
their ``agreement.md``.

Whichever path changes the agreements (a term confirmed in a walk, a review, an export), it goes
through here, so the document always follows from the agreements by one rule, and "due" means
one thing everywhere (``data/dates.py``). The document itself is made by
``export/agreement_doc.py``, which the export of every face uses too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from workbook.data.models import Agreement, Agreements, Couple, Review
from workbook.data.read_only_reasons import Reason
from workbook.data.store import Store
from workbook.export.agreement_doc import written_document
from workbook.logic.agreements import add_agreement, next_review


class AgreementBook:
    """One couple's agreements, and their document."""

    def __init__(
        self, store: Store, couple: Couple, today: Callable[[], date] = date.today
    ) -> None:
        self.store = store
        self.couple = couple
        self.today = today

    def load(self) -> Agreements:
        """The agreements; raises ``DataError`` when the file cannot be read."""
        return self.store.load_agreements(self.couple.id)

    @property
    def read_only(self) -> Reason | None:
        """Why the agreements cannot be changed here, or None."""
        return self.store.agreements_reason(self.couple.id)

    def document(self, agreements: Agreements) -> str:
        return written_document(self.store, self.couple, agreements, self.today())

    def _change(self, change: Callable[[Agreements], Agreements]) -> Agreements:
        return self.store.update_agreements(self.couple.id, change, self.document)

    def agree(
        self,
        *,
        text: str,
        who: str,
        review_on: date,
        session: str | None,
        source: str | None,
        source_title: str | None,
    ) -> Agreement:
        """Add a term both partners confirmed today; its id is the session id and a number."""
        made = self.today()
        added: list[Agreement] = []

        def change(agreements: Agreements) -> Agreements:
            added.append(
                add_agreement(
                    agreements,
                    text=text,
                    made=made,
                    session=session,
                    source=source,
                    review_days=(review_on - made).days,
                    confirmed_by=["a", "b"],
                    who=who,
                    source_title=source_title,
                )
            )
            return agreements

        self._change(change)
        return added[0]

    def agree_term(self, term: Any, session: str | None, source_title: str | None) -> Agreement:
        """Add a draft term (``data/answers/agreement.py``) that both partners confirmed."""
        return self.agree(
            text=term.text,
            who=term.who or "both",
            review_on=term.review_on or self.today(),
            session=session,
            source=term.source,
            source_title=source_title,
        )

    def review(
        self, agreement_id: str, outcome: str, text: str | None = None, session: str | None = None
    ) -> Agreements:
        """Record a review: ``kept`` (another period), ``changed`` (to ``text``, which both
        confirmed; another period) or ``retired`` (let go); ``session`` is the session it is
        made in, if any. The review keeps the date the agreement was due, so a summary can say
        what was agreed on the day."""
        today = self.today()

        def change(agreements: Agreements) -> Agreements:
            for agreement in agreements.agreements:
                if agreement.id != agreement_id:
                    continue
                before = agreement.text if outcome == "changed" else None
                following = next_review(agreement, today)
                agreement.reviews.append(
                    Review(
                        on=today,
                        outcome=outcome,
                        before=before,
                        due=agreement.review_on,
                        session=session,
                    )
                )
                if outcome == "retired":
                    agreement.status = "retired"
                    continue
                if outcome == "changed" and text:
                    agreement.text = text
                agreement.review_on = following
            return agreements

        return self._change(change)

    def write_document(self) -> Path:
        """Write ``agreement.md`` again from the agreements; returns where."""
        self.store.write_document(self.couple.id, self.document(self.load()))
        return self.store.layout.agreement_document(self.couple.id)
