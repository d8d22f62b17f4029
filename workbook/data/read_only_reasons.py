"""Why a file is shown read-only, or is not saved, in words a screen says in its own language.

Each reason is ``Words`` (``i18n/said.py``): a marked English template and its fields. Its
``message`` (and ``str(reason)``) is the English the command line and the logs print, word for
word; a screen shows ``said_in(reason, tr)``. A file is named by a whole phrase of its own
("this session file"), never by an English noun put into a translated sentence.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from workbook.i18n.catalog import N_
from workbook.i18n.said import Words

# A reason a file is read-only, or a save was refused: ``message`` is the English.
Reason = Words

GONE = Words(
    N_(
        "This couple has been deleted, with every file of theirs, so nothing more is saved for "
        "them."
    )
)


def through_link(name: str) -> Words:
    """A file (or folder) ``name`` reached through a link inside the data folder."""
    return Words(
        N_(
            "{name} is reached through a link to another place, so it is shown read-only: "
            "workbook never writes through links."
        ),
        name=name,
    )


def newer_format(path: Path, version: int) -> Words:
    """A data file written by a newer workbook."""
    return Words(
        N_(
            "{name} was written by a newer workbook (format {version}); it is shown read-only "
            "so that nothing in it is lost. Update workbook to change it."
        ),
        name=path.name,
        version=version,
    )


def mismatch(path: Path, what: str, found: object, expected: str) -> Words:
    """A file whose id disagrees with its name (a copied couple folder, a renamed session)."""
    if what == "couple":
        template = N_(
            '{name} says its id is "{found}", but its folder is named "{expected}". It is shown '
            "read-only, so that nothing of another couple is touched. To use it, set id = "
            '"{expected}" in the file.'
        )
    else:
        template = N_(
            '{name} says its id is "{found}", but its file is named "{expected}". It is shown '
            "read-only, so that nothing of another session is touched. To use it, set id = "
            '"{expected}" in the file.'
        )
    return Words(template, name=path.name, found=str(found)[:60], expected=expected)


def this_file(place: str) -> Words:
    """The file at ``place`` (relative to the data folder) as a whole phrase: "this session
    file", "this notes file"."""
    name = place.rsplit("/", 1)[-1]
    if "/sessions/" in place:
        if name.endswith(".notes.toml"):
            return Words(N_("this notes file"))
        if name.endswith((".a.toml", ".b.toml")):
            return Words(N_("this partner's file"))
        return Words(N_("this session file"))
    if name == "couple.toml":
        return Words(N_("this couple file"))
    if name == "agreements.toml":
        return Words(N_("this agreements file"))
    # TRANSLATORS: {name} is a file's name, such as homework.toml.
    return Words(N_("this {name}"), name=name)


def misplaced(here: str, sealed_as: str) -> Words:
    """A sealed file read at ``here`` whose header says it belongs at ``sealed_as``."""
    return Words(
        # TRANSLATORS: {file} is "this session file", "this notes file" and the like.
        N_(
            "{file} was sealed as {sealed_as}: it was moved or copied from there, so it is not "
            "read as the one that belongs here, and is left as it is. Move it back to "
            "{sealed_as}, or out of the data folder"
        ),
        file=this_file(here),
        sealed_as=sealed_as,
    )


def older(place: str, saved: datetime) -> Words:
    """A sealed file older than the copy last saved of its place (``saved``)."""
    return Words(
        # TRANSLATORS: {file} is "this session file", "this notes file" and the like; {saved}
        # is "2026-11-29 at 18:05".
        N_(
            "{file} is older than the one saved on {saved}: an older copy was put back (from a "
            "backup or a sync?). It is shown read-only, so the newer state is never saved over. "
            "Put the newer copy back; or, to keep this one, delete index.toml.age (a cache: "
            "nothing else is lost)"
        ),
        file=this_file(place),
        saved=Words(N_("{day} at {time}"), day=f"{saved:%Y-%m-%d}", time=f"{saved:%H:%M}"),
    )
