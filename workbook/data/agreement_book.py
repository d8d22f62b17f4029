"""The agreement book: the one owner of a couple's ``agreements.toml``, and the one writer of
their ``agreement.md``.

Whichever path changes the agreements (a term confirmed in a walk, a review, an export), it goes
through here, so the document always follows from the agreements by one rule, and "due" means
one thing everywhere (``data/dates.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbook.data.models import Agreement, Agreements, Couple
    from workbook.data.store import Store


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
    def read_only(self) -> str | None:
        """Why the agreements cannot be changed here, or None."""
        return self.store.agreements_reason(self.couple.id)

    def document(self, agreements: Agreements) -> str:
        from workbook.export.agreement_doc import agreement_document

        self._fill_titles(agreements)
        return agreement_document(self.couple, agreements, self.today())

    def _fill_titles(self, agreements: Agreements) -> None:
        """Agreements made before each kept its pack's title get it from the session they were
        made in, which recorded the title of every pack it used."""
        from workbook.data.files import DataError

        titles: dict[tuple[str, str], str | None] = {}
        for agreement in agreements.agreements:
            if agreement.source_title or not agreement.source or not agreement.session:
                continue
            pack_id = agreement.source.split(".", 1)[0]
            key = (agreement.session, pack_id)
            if key not in titles:
                titles[key] = None
                if agreement.session in self.store.session_ids(self.couple.id):
                    try:
                        session = self.store.load_session(self.couple.id, agreement.session)
                    except DataError:
                        session = None
                    use = session.packs.get(pack_id) if session else None
                    titles[key] = use.title if use else None
            agreement.source_title = titles[key]

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
        from workbook.logic.agreements import add_agreement

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
        from workbook.data.models import Review
        from workbook.logic.agreements import next_review

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
