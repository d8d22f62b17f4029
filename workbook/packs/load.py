"""Loading one pack file: bytes to a validated ``Pack``, or every problem it has, located.

``load_pack`` never raises and never hangs, whatever the file holds: a pipe, a device, a folder,
a huge file, nesting deep enough to exhaust the parser, or values that trip up a rule. Each
failure becomes a located problem, so one broken pack never stops the others.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from workbook import tomlio
from workbook.packs import lint, syntax
from workbook.packs.fixes import Source, apply, help_of
from workbook.packs.locate import Position, locate
from workbook.packs.models import Pack
from workbook.packs.problems import ERROR, WARNING, Problem, from_validation_error, problem_at
from workbook.packs.rules import KeyPath
from workbook.reading import Unreadable, read_limited

MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class LoadedPack:
    """A pack file as loaded: the pack if it is valid, else its problems."""

    file: Path
    pack: Pack | None
    digest: str = ""
    problems: list[Problem] = field(default_factory=list)
    builtin: bool = False
    # The file's bytes: a session keeps a copy of a valid pack's (the pack store), and
    # ``validate`` quotes a broken one's lines.
    raw: bytes = field(default=b"", repr=False, compare=False)
    # What is valid but surely not meant: the pack loads, and validate prints them.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.pack is not None


def digest_of(data: bytes) -> str:
    """The digest a session records of the pack file it used."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def load_pack(file: Path, *, builtin: bool = False) -> LoadedPack:
    """Read and validate the pack at ``file``; never raises for a bad file."""
    try:
        return _load(file, builtin)
    except (RecursionError, MemoryError):
        return _broken(file, builtin, 1, 1, "the file is nested too deeply to check")
    except Exception as error:  # a bad pack must never stop the others
        return _broken(
            file, builtin, 1, 1, f"the file could not be checked ({type(error).__name__})"
        )


def parse_pack(raw: bytes, file: Path, *, builtin: bool = False) -> LoadedPack:
    """Validate pack bytes kept elsewhere (a session's stored copy); ``file`` names them in
    problems. Never raises."""
    try:
        return _parse(raw, file, builtin)
    except (RecursionError, MemoryError):
        return _broken(file, builtin, 1, 1, "the file is nested too deeply to check")
    except Exception as error:  # a bad pack must never stop the others
        return _broken(
            file, builtin, 1, 1, f"the file could not be checked ({type(error).__name__})"
        )


def _broken(file: Path, builtin: bool, line: int, col: int, message: str) -> LoadedPack:
    problem = Problem(file, Position(line, col), (), message)
    return LoadedPack(file, None, problems=[problem], builtin=builtin)


def _load(file: Path, builtin: bool) -> LoadedPack:
    try:
        raw = read_limited(file, MAX_BYTES)
    except Unreadable as error:
        return _broken(file, builtin, 1, 1, f"cannot read the file: {error.reason}")
    return _parse(raw, file, builtin)


def _parse(raw: bytes, file: Path, builtin: bool, *, check: bool = True) -> LoadedPack:
    loaded = _read(raw, file, builtin)
    if check and any(problem.edits for problem in [*loaded.problems, *loaded.warnings]):
        return _working_edits(loaded, raw)
    return loaded


def _working_edits(loaded: LoadedPack, raw: bytes) -> LoadedPack:
    """``loaded`` with only the edits that work: made, the file reads again without their
    problem and without a new one (a syntax error may give way to one further on, which the
    first hid)."""
    source = raw.decode("utf-8-sig")
    everything = [*loaded.problems, *loaded.warnings]
    broken_syntax = bool(loaded.problems) and not _parses(source)
    said = _said(everything)

    def works(problem: Problem) -> bool:
        fixed = apply(source, problem.edits)
        if broken_syntax:
            last = max(e.start.line + e.text.count("\n") for e in problem.edits)
            return _parses(fixed, after_line=last)
        again = _read(fixed.encode("utf-8"), loaded.file, loaded.builtin)
        left = _said([*again.problems, *again.warnings])
        allowed = said - _said([problem])
        return all(count <= allowed[message] for message, count in left.items())

    def kept(problems: list[Problem]) -> list[Problem]:
        return [p if not p.edits or works(p) else replace(p, edits=()) for p in problems]

    return replace(loaded, problems=kept(loaded.problems), warnings=kept(loaded.warnings))


def _said(problems: list[Problem]) -> Counter[str]:
    # Line numbers in messages move when an edit adds or removes a line.
    return Counter(re.sub(r"\d+", "N", problem.message) for problem in problems)


def _parses(source: str, after_line: int = 0) -> bool:
    """True when ``source`` parses, or (with ``after_line``) fails only after that line."""
    try:
        tomlio.loads(source)
    except tomlio.TOMLDecodeError as error:
        return bool(after_line) and getattr(error, "lineno", 0) > after_line
    return True


def _read(raw: bytes, file: Path, builtin: bool) -> LoadedPack:
    if len(raw) > MAX_BYTES:
        return _broken(file, builtin, 1, 1, f"the file is larger than {MAX_BYTES // 1_000_000} MB")
    digest = digest_of(raw)
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return _broken(file, builtin, line, col, "the file is not UTF-8 text; save it as UTF-8")
    try:
        data = tomlio.loads(source)
    except tomlio.TOMLDecodeError as error:
        found = syntax.explain(
            source,
            getattr(error, "msg", str(error)),
            getattr(error, "lineno", 1),
            getattr(error, "colno", 1),
        )
        problem = Problem(
            file,
            Position(found.line, found.col),
            found.path,
            found.message,
            found.help or help_of(found.message),
            edits=found.edits,
        )
        return LoadedPack(file, None, digest, [problem], builtin, raw)
    deep = tomlio.too_deep(data)
    if deep is not None:
        where = locate(source).find(deep)
        problem = Problem(
            file, where, deep[:1], f"values are nested more than {tomlio.MAX_DEPTH} levels deep"
        )
        return LoadedPack(file, None, digest, [problem], builtin, raw)
    # Where each key is, found only when there is something to say: most packs are fine.
    keys = cache(lambda: locate(source))
    text = cache(lambda: Source(source))
    data, lifted, warned = lint.lift(data)

    def said(found: list[tuple[KeyPath, str]], severity: str) -> list[Problem]:
        made = [problem_at(file, keys(), text(), path, m, severity) for path, m in found]
        return sorted(made, key=lambda p: (p.position.line, p.position.col))

    warnings = said([*warned, *lint.warnings(data, source, keys)], WARNING)
    try:
        pack = Pack.model_validate(data)
    except ValidationError as error:
        problems = from_validation_error(error, data, file, keys(), text())
        problems = sorted(
            [*problems, *said(lifted, ERROR)], key=lambda p: (p.position.line, p.position.col)
        )
        return LoadedPack(file, None, digest, problems, builtin, raw, warnings)
    if lifted:
        return LoadedPack(file, None, digest, said(lifted, ERROR), builtin, raw, warnings)
    return LoadedPack(file, pack, digest, [], builtin, raw, warnings)
