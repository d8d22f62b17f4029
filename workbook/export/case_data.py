"""What the case record is made from, read once: the couple, every session (read leniently, each
file once), the packs each session kept, the scores, the agreements and, only when asked, the
counsellor's notes files.

A session that cannot be read stays in the record as a row that says so, and the reason is in
``problems`` for the caller to report; so is an agreements file that cannot be read. Each
problem is ``Words``: English for the command line (``str``), said in the document's or the
screen's language with ``said_in``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from workbook.data.files import DataError
from workbook.data.models import Agreements, Couple, Session
from workbook.data.notes import SessionNotes
from workbook.data.store import Store
from workbook.data.trail import Move, ending, moves, time_per_pack
from workbook.export.summary import reached_packs
from workbook.i18n.catalog import N_
from workbook.i18n.said import AS_GIVEN, Words
from workbook.logic.scores import ScoreValue, pack_scores, score_range
from workbook.logic.session_packs import SessionPack, session_packs
from workbook.packs.load import LoadedPack
from workbook.packs.models import Pack

# Phases and keys by which the trail or the session file may mark steps the couple never
# reached because the session was ended early.
_NOT_REACHED_PHASES = frozenset({"not-reached", "not_reached"})
# TRANSLATORS: {file} is a file's name (2026-11-22-1905.notes.toml); {problem} is what cannot be
# read in it ("note 2 cannot be read; it stays in the file").
IN_FILE = N_("{file}: {problem}")


def in_notes(session_id: str, problems: Sequence[object]) -> list[Words]:
    """What cannot be read in session ``session_id``'s notes file, with the file's name."""
    return [Words(IN_FILE, file=f"{session_id}.notes.toml", problem=p) for p in problems]


@dataclass
class SessionEntry:
    """One session file: what was read of it, or why it could not be read."""

    id: str
    session: Session | None = None
    # Why the file cannot be read, in words any language can say (``said_in``).
    problem: Words | None = None
    packs: dict[str, SessionPack] = field(default_factory=dict)
    trail: list[Move] = field(default_factory=list)

    @property
    def length(self) -> timedelta | None:
        """Time spent: from the trail (leaving out long breaks), else from the start to the
        finish (or the last save)."""
        session = self.session
        if session is None:
            return None
        end = session.finished or session.updated
        if self.trail:
            spent = time_per_pack(self.trail, end)
            if spent:
                return sum(spent.values(), timedelta(0))
        return end - session.started if end >= session.started else None

    def reached(self) -> list[str]:
        """The agenda's packs the couple reached: moved into, answered, or before where they
        stand."""
        session = self.session
        if session is None:
            return []
        found = reached_packs(session, {move.pack for move in self.trail})
        return [pack_id for pack_id in session.agenda if pack_id in found]

    def title(self, pack_id: str) -> str:
        used = self.packs.get(pack_id)
        if used is not None and used.pack is not None:
            return used.pack.title
        kept = self.session.packs.get(pack_id) if self.session else None
        return kept.title if kept else pack_id


@dataclass
class EndedEarly:
    """A session ended before its agenda was done, and the steps it marked "not reached"
    (pack id to step ids), as far as the file says."""

    steps: dict[str, list[str]] = field(default_factory=dict)


def ended_early(session: Session) -> EndedEarly | None:
    """Whether ``session`` was ended early, read leniently from what marks it: a trail entry
    with ``not_reached = true`` or ``phase = "not-reached"`` (its pack and step), a trail entry
    or session key ``ended_early``, or a session key ``not_reached`` (a list of "pack.step", or
    a table of pack id to a list of step ids)."""
    found: EndedEarly | None = None

    def mark(pack: Any, step: Any) -> None:
        nonlocal found
        found = found or EndedEarly()
        if isinstance(pack, str) and isinstance(step, str):
            steps = found.steps.setdefault(pack, [])
            if step not in steps:
                steps.append(step)

    ended = ending(session.trail)  # as "End the session now" writes it
    for step in ended.not_reached if ended is not None else ():
        if "." in step:
            mark(*step.split(".", 1))
    if ended is not None and found is None:
        found = EndedEarly()
    for raw in session.trail:
        if not isinstance(raw, dict):
            continue
        if _marks_not_reached(raw):
            mark(raw.get("pack"), raw.get("step"))
        elif raw.get("ended_early"):
            found = found or EndedEarly()
    extra = session.model_extra or {}
    if extra.get("ended_early"):
        found = found or EndedEarly()
    listed = extra.get("not_reached")
    if isinstance(listed, list):
        for item in listed:
            if isinstance(item, str) and "." in item:
                mark(*item.split(".", 1))
    elif isinstance(listed, dict):
        for pack, steps in listed.items():
            for step in steps if isinstance(steps, list) else []:
                mark(pack, step)
    return found


@dataclass
class ScoreLine:
    """One score of one pack, over the sessions where at least one partner completed it."""

    pack: str
    score: str
    title: str
    low: float | None = None
    high: float | None = None
    points: list[tuple[SessionEntry, ScoreValue]] = field(default_factory=list)
    # Where each band above the lowest begins, with its label (a published cut-off, say).
    bands: tuple[tuple[float, str], ...] = ()


@dataclass
class CaseData:
    couple: Couple
    sessions: list[SessionEntry]
    scores: list[ScoreLine]
    agreements: Agreements | None
    # By session id; only when notes were asked for.
    notes: dict[str, SessionNotes] = field(default_factory=dict)
    problems: list[Words] = field(default_factory=list)


def gather(
    store: Store,
    couple_id: str,
    library: Mapping[str, LoadedPack],
    *,
    include_notes: bool = False,
) -> CaseData:
    """Everything the case record shows. Raises ``DataError`` only when the couple file cannot
    be read."""
    couple = store.load_couple(couple_id)
    problems: list[Words] = []
    # Session ids are their start times, so this is the order they happened in; a file that
    # cannot be read keeps its place.
    sessions = [
        session_entry(store, couple.id, session_id, library, problems)
        for session_id in store.session_ids(couple.id)
    ]
    try:
        agreements: Agreements | None = store.load_agreements(couple.id)
    except DataError as error:
        problems.append(Words(AS_GIVEN, problem=error))
        agreements = None
    data = CaseData(couple, sessions, _scores(sessions), agreements, problems=problems)
    if include_notes:
        for entry in sessions:
            if entry.session is None:
                continue
            legacy = entry.session.facilitator.notes if entry.session.facilitator else ""
            notes = store.notes(couple.id, entry.id, legacy).read()
            data.notes[entry.id] = notes
            problems += in_notes(entry.id, notes.problems)
    return data


def session_entry(
    store: Store,
    couple_id: str,
    session_id: str,
    library: Mapping[str, LoadedPack],
    problems: list[Words],
) -> SessionEntry:
    try:
        session = store.load_session(couple_id, session_id)
    except DataError as error:
        problems.append(Words(AS_GIVEN, problem=error))
        return SessionEntry(session_id, problem=error.words)
    # A mark of a step not reached is not a move.
    trail = [t for t in session.trail if not (isinstance(t, dict) and _marks_not_reached(t))]
    return SessionEntry(
        session_id, session, None, session_packs(session, store, library), moves(trail)
    )


def _marks_not_reached(raw: dict[str, Any]) -> bool:
    return raw.get("not_reached") is True or raw.get("phase") in _NOT_REACHED_PHASES


def _scores(sessions: list[SessionEntry]) -> list[ScoreLine]:
    found: dict[tuple[str, str], ScoreLine] = {}
    for entry in sessions:
        session = entry.session
        if session is None:
            continue
        for pack_id, used in entry.packs.items():
            pack = used.pack
            if pack is None or not pack.scores or not session.pack_answers(pack_id):
                continue
            values = pack_scores(pack, _tables(session, pack_id))
            for score, value in zip(pack.scores, values, strict=True):
                if value.a is None and value.b is None:
                    continue
                line = found.setdefault(
                    (pack_id, score.id), ScoreLine(pack_id, score.id, value.title)
                )
                # The latest version's words, and a range wide enough for every version.
                line.title = f"{pack.title}: {value.title}"
                _widen(line, pack, score)
                line.bands = tuple((band.min, band.label) for band in score.bands[1:])
                line.points.append((entry, value))
    return list(found.values())


def _widen(line: ScoreLine, pack: Pack, score: Any) -> None:
    span = score_range(pack, score)
    if span is None:
        return
    low, high = span
    line.low = low if line.low is None else min(line.low, low)
    line.high = high if line.high is None else max(line.high, high)


def _tables(session: Session, pack_id: str) -> Any:
    return lambda step_id: session.answer(pack_id, step_id)
