"""The couple, session and agreements files of the data folder (DESIGN.md section 5, format 1).

Keys this version does not know are kept (``extra="allow"``) and written back, so a file touched
by a newer workbook of the same format loses nothing here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from workbook.data.dates import FIRST_YEAR, LAST_YEAR, in_range, is_due, now
from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import Refusal
from workbook.text import clean, clean_line

__all__ = ["FORMAT", "now"]

PartnerKey = Literal["a", "b"]
PARTNER_KEYS: tuple[PartnerKey, PartnerKey] = ("a", "b")
TOGETHER = "together"


def _in_range(value: date) -> date:
    if not in_range(value):
        said = N_("the date {date} is out of range: workbook reads dates from {first} to {last}")
        day = value.date() if isinstance(value, datetime) else value
        raise Refusal(said, date=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
    return value


def _aware(value: datetime) -> datetime:
    # A hand-edited file may hold a local time without an offset: read it as this machine's.
    return value if value.tzinfo is not None else value.astimezone()


def _listed(value: Any) -> Any:
    # A trail written by hand as one table ([trail]), or as anything but a list, is kept as a
    # list of one entry: data/trail.py skips what it cannot read, and the session still opens.
    return value if isinstance(value, list) else [value]


Timestamp = Annotated[datetime, AfterValidator(_in_range), AfterValidator(_aware)]
Day = Annotated[date, AfterValidator(_in_range)]
Name = Annotated[str, AfterValidator(clean_line), Field(min_length=1, max_length=200)]


class _File(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=False)

    format: int = FORMAT

    def to_toml_data(self) -> dict[str, Any]:
        """The file's table, ready for TOML: no nulls, keys in their written names."""
        return self.model_dump(mode="python", by_alias=True, exclude_none=True)


class Partner(BaseModel):
    model_config = ConfigDict(extra="allow")

    key: PartnerKey
    name: Name


class CareFlag(BaseModel):
    """The care flag (``[care]``): raised when a sealed answer first asked for care, in which
    session, and cleared (with the reason in that session's notes file) or not yet."""

    model_config = ConfigDict(extra="allow")

    raised: Timestamp
    session: str = ""
    cleared: Timestamp | None = None

    @property
    def up(self) -> bool:
        return self.cleared is None


class Couple(_File):
    """Two partners, and the facilitator who works with them, if any."""

    id: str
    created: Timestamp
    facilitator: Annotated[str, AfterValidator(clean_line)] | None = None
    # An archived couple is hidden from Home unless asked for; nothing else changes.
    archived: bool | None = None
    # The couple's language (a BCP 47 tag): their window, their packs and their documents.
    # Read leniently: a tag that is not one is kept as written and spoken as English.
    language: Annotated[str, AfterValidator(clean_line)] | None = None
    partners: Annotated[list[Partner], Field(min_length=2, max_length=2)]
    # Set once the couple has read the care note, so that it is shown only the first time.
    care_note_seen: bool | None = None
    # Only with a facilitator: a sealed answer asked for care (``data/care.py``).
    care: CareFlag | None = None
    # The next appointment and the goals are read leniently (``data/goals.py``): a hand-edited
    # value that cannot be used is said beside the couple and kept as written, never dropped.
    next_session: Any = None
    goals: Annotated[list[Any], BeforeValidator(_listed)] = []

    @model_validator(mode="after")
    def _two_partners(self) -> Couple:
        if [p.key for p in self.partners] != list(PARTNER_KEYS):
            raise Refusal(N_('partners must be two tables with key = "a" and key = "b", in order'))
        a, b = (p.name for p in self.partners)
        if a.casefold() == b.casefold():
            raise Refusal(N_("the two partners need different names"))
        return self

    def to_toml_data(self) -> dict[str, Any]:
        table = super().to_toml_data()
        if not table.get("goals"):
            table.pop("goals", None)
        return table

    def name(self, key: str) -> str:
        """The name of partner ``key``."""
        return next(p.name for p in self.partners if p.key == key)

    @property
    def names(self) -> tuple[str, str]:
        return self.partners[0].name, self.partners[1].name


class PackUse(BaseModel):
    """What a pack was when a session used it."""

    model_config = ConfigDict(extra="allow")

    title: str
    digest: str


class Position(BaseModel):
    """Where a session resumes."""

    model_config = ConfigDict(extra="allow")

    pack: str
    step: str
    # The part of the step (kinds with several parts: a hand-over, a reveal, ...).
    phase: str | None = None


class FacilitatorNotes(BaseModel):
    """The facilitator's private notes: left out of the couple's exports unless asked for."""

    model_config = ConfigDict(extra="allow")

    notes: Annotated[str, AfterValidator(clean)] = ""


class Session(_File):
    """One sitting: the agenda, where it stands, and every answer given."""

    id: str
    started: Timestamp
    updated: Timestamp
    finished: Timestamp | None = None
    agenda: list[str] = []
    packs: dict[str, PackUse] = {}
    position: Position | None = None
    # answers[pack id][step id] is the step's answer table; data/answers/ knows each shape.
    # A value of the wrong shape (a hand edit) is read as no answer, and kept as it is.
    answers: dict[str, Any] = {}
    # Every move, appended: at, pack, step, phase (data/trail.py reads them leniently).
    trail: Annotated[list[Any], BeforeValidator(_listed)] = []
    facilitator: FacilitatorNotes | None = None
    # An apart session (each partner on a seat of their own: ``service/apart.py``): ``done``
    # lists who has finished their private turn at ``position``; absent at one screen.
    apart: Any = None

    def answer(self, pack_id: str, step_id: str) -> dict[str, Any]:
        """The answer table of one step, empty if the step has no answer yet."""
        steps = self.answers.get(pack_id)
        table = steps.get(step_id) if isinstance(steps, dict) else None
        return table if isinstance(table, dict) else {}

    def found_answer(self, pack_id: str, step_id: str) -> Any:
        """What the file holds as one step's answer, of any shape (a hand edit), or None."""
        steps = self.answers.get(pack_id)
        return steps.get(step_id) if isinstance(steps, dict) else None

    def pack_answers(self, pack_id: str) -> dict[str, dict[str, Any]]:
        """The answer tables of one pack's steps, by step id, leaving out any of a wrong shape."""
        steps = self.answers.get(pack_id)
        if not isinstance(steps, dict):
            return {}
        return {step: table for step, table in steps.items() if isinstance(table, dict)}

    def set_answer(self, pack_id: str, step_id: str, table: dict[str, Any]) -> None:
        """Replace the answer table of one step."""
        steps = self.answers.get(pack_id)
        if not isinstance(steps, dict):
            steps = self.answers[pack_id] = {}
        steps[step_id] = table


class Review(BaseModel):
    """One review of an agreement: kept, changed (with the text before) or let go; the review
    date it had until then (``due``), and the session it was made in. Older files have neither,
    and a review made outside a session (``v`` on Home) has no session."""

    model_config = ConfigDict(extra="allow")

    on: Day
    outcome: Literal["kept", "changed", "retired"]
    before: str | None = None
    due: Day | None = None
    session: str | None = None


class Agreement(BaseModel):
    """One term that both partners confirmed."""

    model_config = ConfigDict(extra="allow")

    id: str
    text: Annotated[str, AfterValidator(clean), Field(min_length=1)]
    made: Day
    session: str | None = None
    source: str | None = None  # <pack id>.<step id> it came from
    # The pack's title when the agreement was made, so the document never needs the pack.
    source_title: Annotated[str, AfterValidator(clean_line)] | None = None
    # Who does it: a, b, or both. Agreements from before this was kept read as both.
    who: Literal["a", "b", "both"] = "both"
    review_on: Day
    # The days between reviews it was given when made; keeping it sets the next review that
    # far from the day. Older files have none: the period is then told from its dates.
    review_days: Annotated[int, Field(ge=1)] | None = None
    status: Literal["active", "retired"] = "active"
    confirmed_by: list[PartnerKey] = []
    reviews: list[Review] = []

    def is_due(self, today: date) -> bool:
        return self.status == "active" and is_due(self.review_on, today)


class Agreements(_File):
    """Every agreement a couple has made, active and retired."""

    agreements: list[Agreement] = []

    def active(self) -> list[Agreement]:
        return [a for a in self.agreements if a.status == "active"]

    def due(self, on: date) -> list[Agreement]:
        """Active agreements whose review date has come."""
        return [a for a in self.agreements if a.is_due(on)]
