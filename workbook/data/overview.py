"""A couple at a glance, read straight from the tables without the models, and leniently.

Home and ``workbook couples`` show every couple. Only a couple file that cannot be read at all
keeps a couple out; anything else that is wrong (an unreadable agreements file, an id that
disagrees with the folder, a newer format) is carried as a ``problem`` to show beside the couple.

What the files say is kept apart from what depends on the day (which agreements are due), so
that ``index.toml`` can keep the first and Home work out the second each time it opens.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workbook.data import couple_problems as said
from workbook.data import places, vault
from workbook.data.dates import day_of, is_due
from workbook.data.files import DataError
from workbook.data.goals import OPEN, appointment, read_goals
from workbook.data.homework import Head, done_by, parse
from workbook.data.layout import Layout
from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.text import clean_line

Read = Callable[[Path], dict[str, Any]]


@dataclass(frozen=True)
class Overview:
    """A couple at a glance."""

    id: str
    names: tuple[str, str]
    facilitator: str | None
    created: str | None
    sessions: int
    last_session: str | None
    agreements_active: int
    agreements_due: int
    # What could not be read or used as it is, in a sentence; None when all is well.
    problem: str | None = None
    archived: bool = False
    # The same, each in words a screen says in its language (none from an old index.toml);
    # ``problem`` is what makes two overviews the same.
    problems: tuple[Words, ...] = field(default=(), compare=False)
    # The couple has a session that Resume would open: readable, with packs, not finished.
    unfinished: bool = False
    # The earliest review date of an active agreement (ISO), due or not.
    next_review: str | None = None
    # When the latest session started (ISO, with its offset).
    last_session_at: str | None = None
    folder: str = ""
    # The care flag while it is up: when it was raised (ISO) and in which session.
    care: tuple[str, str] | None = None
    # The next appointment (ISO, with its offset), if one is set.
    next_session: str | None = None
    # Homework not yet done, how much of it is past its day, and the earliest day due (ISO).
    homework_open: int = 0
    homework_overdue: int = 0
    homework_due: str | None = None
    # Open homework whose day has come (today or before).
    homework_due_now: int = 0
    goals_open: int = 0


@dataclass(frozen=True)
class Facts:
    """What a couple's files say, whatever the day: what ``index.toml`` keeps of a couple."""

    id: str
    names: tuple[str, str]
    facilitator: str | None
    created: str | None
    archived: bool
    sessions: int
    last_session: str | None
    last_session_at: str | None
    unfinished: bool
    agreements_active: int
    # The review dates of the active agreements that have one, ISO, earliest first.
    reviews: tuple[str, ...]
    problem: str | None
    # The care flag while it is up (``Overview.care``).
    care: tuple[str, str] | None = None
    next_session: str | None = None
    # The day each open piece of homework is due (ISO), "" for one without a day; earliest first.
    homework: tuple[str, ...] = ()
    goals_open: int = 0
    problems: tuple[Words, ...] = field(default=(), compare=False)

    def on(self, today: date, folder: Path) -> Overview:
        """The overview on ``today``."""
        due = sum(1 for review in self.reviews if is_due(date.fromisoformat(review), today))
        days = [day for day in self.homework if day]
        overdue = sum(1 for day in days if date.fromisoformat(day) < today)
        return Overview(
            id=self.id,
            names=self.names,
            facilitator=self.facilitator,
            created=self.created,
            sessions=self.sessions,
            last_session=self.last_session,
            agreements_active=self.agreements_active,
            agreements_due=due,
            problem=self.problem,
            archived=self.archived,
            unfinished=self.unfinished,
            next_review=self.reviews[0] if self.reviews else None,
            last_session_at=self.last_session_at,
            folder=str(folder),
            care=self.care,
            next_session=self.next_session,
            homework_open=len(self.homework),
            homework_overdue=overdue,
            homework_due=min(days) if days else None,
            homework_due_now=sum(1 for day in days if date.fromisoformat(day) <= today),
            goals_open=self.goals_open,
            problems=self.problems,
        )


def read_overview(
    layout: Layout,
    couple_id: str,
    today: date,
    read: Read,
    session_ids: Callable[[str], list[str]],
    head: Read | None = None,
) -> Overview:
    """The overview of the couple in folder ``couple_id``; raises ``DataError`` only when the
    couple file cannot be read or names no partners."""
    facts = read_facts(layout, couple_id, read, head or read, session_ids(couple_id))
    return facts.on(today, layout.couple_folder(couple_id))


def read_facts(
    layout: Layout, couple_id: str, read: Read, head: Read, sessions: Sequence[str]
) -> Facts:
    """What the files of the couple in folder ``couple_id`` say, with ``sessions`` its session
    ids in order; raises ``DataError`` only when the couple file cannot be read or names no
    partners. ``head`` reads the top of a session file (its dates and agenda)."""
    path = layout.couple_file(couple_id)
    table = read(path)
    partners = table.get("partners")
    if (
        not isinstance(partners, list)
        or len(partners) != 2
        or not all(isinstance(p, dict) and isinstance(p.get("name"), str) for p in partners)
    ):
        raise DataError(path, Words(N_("partners must be two tables, each with a name")))
    problems: list[Words] = []
    _flagged(problems, path, "couple.toml")
    claimed = table.get("id")
    if claimed != couple_id:
        problems.append(Words(said.OTHER_ID, folder=couple_id))
    version = table.get("format")
    if isinstance(version, int) and version > FORMAT:
        problems.append(Words(said.NEWER))
    archived = table.get("archived", False)
    if not isinstance(archived, bool):
        problems.append(Words(said.ARCHIVED))
        archived = False
    facilitator = table.get("facilitator")
    created = table.get("created")
    care = care_flag(table.get("care"))
    if care == ("", ""):
        problems.append(Words(said.CARE))
    reviews: list[str] = []
    active = 0
    try:
        agreements = _agreements(layout.agreements_file(couple_id), read)
    except DataError as error:
        if not _flagged(problems, layout.agreements_file(couple_id), "agreements.toml"):
            problems.append(Words(said.AGREEMENTS, problem=error.words))
        agreements = []
    else:
        _flagged(problems, layout.agreements_file(couple_id), "agreements.toml")
    for agreement in agreements:
        active += 1
        review = day_of(agreement.get("review_on"))
        if review is not None:
            reviews.append(review.isoformat())
    heads: list[Head] = []
    unfinished, started, unreadable = _sessions(layout, couple_id, sessions, head, problems, heads)
    homework = _homework(layout, couple_id, read, heads, problems)
    goals, goal_problems = read_goals(table.get("goals"))
    problems += goal_problems
    appointment_at, appointment_problem = appointment(table.get("next_session"))
    if appointment_problem is not None:
        problems.append(appointment_problem)
    if unreadable:
        problems.append(said.unreadable(unreadable))
    return Facts(
        id=couple_id,
        names=(clean_line(partners[0]["name"]), clean_line(partners[1]["name"])),
        facilitator=(clean_line(facilitator) or None) if isinstance(facilitator, str) else None,
        created=created.isoformat() if isinstance(created, datetime) else None,
        archived=archived,
        sessions=len(sessions),
        last_session=sessions[-1] if sessions else None,
        last_session_at=started,
        unfinished=unfinished,
        agreements_active=active,
        reviews=tuple(sorted(reviews)),
        problem="; ".join(words.message for words in problems) or None,
        problems=tuple(problems),
        care=care,
        next_session=appointment_at.isoformat() if appointment_at is not None else None,
        homework=homework,
        goals_open=sum(1 for goal in goals if goal.status == OPEN),
    )


def _homework(
    layout: Layout, couple_id: str, read: Read, heads: list[Head], problems: list[Words]
) -> tuple[str, ...]:
    """The days the couple's open homework is due ("" for none), earliest first; homework a
    finished session has done counts as done, even before that is written down."""
    path = layout.homework_file(couple_id)
    if not vault.exists(path):
        return ()
    try:
        found = parse(read(path))
    except DataError as error:
        if not _flagged(problems, path, "homework.toml"):
            problems.append(Words(said.HOMEWORK, problem=error.words))
        return ()
    _flagged(problems, path, "homework.toml")
    problems += [Words(said.IN_HOMEWORK, problem=problem) for problem in found.problems]
    days = [
        item.due.isoformat() if item.due is not None else ""
        for item in found.open()
        if done_by(item, heads) is None
    ]
    return tuple(sorted(days, key=lambda day: (day == "", day)))


def care_flag(table: Any) -> tuple[str, str] | None:
    """The care flag of a ``[care]`` table while it is up: when it was raised (ISO) and in
    which session; ``("", "")`` for a table that cannot be read (kept up: a flag is never
    lost to a typing mistake); None when there is none, or it was cleared."""
    if table is None:
        return None
    if not isinstance(table, dict) or not isinstance(table.get("raised"), datetime):
        return "", ""
    if table.get("cleared") is not None:
        return None
    session = table.get("session")
    return table["raised"].isoformat(), clean_line(session) if isinstance(session, str) else ""


def _sessions(
    layout: Layout,
    couple_id: str,
    sessions: Sequence[str],
    head: Read,
    problems: list[Words],
    heads: list[Head],
) -> tuple[bool, str | None, int]:
    """Whether any session is unfinished, when the latest started, and how many cannot be
    read; a sealed file from another place, or older than the index says, is told in
    ``problems``. Only the top of each file is parsed: its dates and agenda come before its
    answers."""
    unfinished, started, unreadable = False, None, 0
    for index, session_id in enumerate(reversed(sessions)):
        path = layout.session_file(couple_id, session_id)
        try:
            top = head(path)
        except DataError:
            if not _flagged(problems, path, session_id, said.FLAGGED_SESSION):
                unreadable += 1
            continue
        _flagged(problems, path, session_id, said.FLAGGED_SESSION)
        heads.append(Head.of(session_id, top))
        if index == 0 and isinstance(top.get("started"), datetime):
            started = top["started"].isoformat()
        if resumable(top):
            unfinished = True
    return unfinished, started, unreadable


def _flagged(problems: list[Words], path: Path, name: str, template: str = said.FLAGGED) -> bool:
    """Add why the sealed file at ``path`` (``name``) is not used as it is, if it is not; True
    if so."""
    reason = places.flag(path)
    if reason is not None:
        field = "id" if template == said.FLAGGED_SESSION else "name"
        problems.append(Words(template, reason=reason, **{field: name}))
    return reason is not None


def resumable(top: Mapping[str, Any]) -> bool:
    """Whether a session's top keys (``read_head``) make it one Resume opens: packs, no end."""
    agenda = top.get("agenda")
    return top.get("finished") is None and isinstance(agenda, list) and bool(agenda)


def _agreements(path: Path, read: Read) -> list[dict[str, Any]]:
    """The active agreements' tables; raises ``DataError`` when the file is not a list of them."""
    if not vault.exists(path):
        return []
    table = read(path)
    listed = table.get("agreements", [])
    if not isinstance(listed, list):
        raise DataError(path, Words(said.AS_LIST))
    return [a for a in listed if isinstance(a, dict) and a.get("status") != "retired"]
