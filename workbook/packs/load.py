"""Loading one pack file: bytes to a validated ``Pack``, or every problem it has, located."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from workbook import tomlio
from workbook.packs.locate import Position, locate
from workbook.packs.models import Pack
from workbook.packs.problems import Problem, from_validation_error

MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class LoadedPack:
    """A pack file as loaded: the pack if it is valid, else its problems."""

    file: Path
    pack: Pack | None
    digest: str = ""
    problems: list[Problem] = field(default_factory=list)
    builtin: bool = False

    @property
    def ok(self) -> bool:
        return self.pack is not None


def digest_of(data: bytes) -> str:
    """The digest a session records of the pack file it used."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def load_pack(file: Path, *, builtin: bool = False) -> LoadedPack:
    """Read and validate the pack at ``file``; never raises for a bad file."""

    def broken(line: int, col: int, message: str) -> LoadedPack:
        problem = Problem(file, Position(line, col), (), message)
        return LoadedPack(file, None, problems=[problem], builtin=builtin)

    try:
        raw = file.read_bytes()
    except OSError as error:
        return broken(1, 1, f"cannot read the file: {error.strerror or error}")
    if len(raw) > MAX_BYTES:
        return broken(1, 1, f"the file is larger than {MAX_BYTES // 1000} KB")
    digest = digest_of(raw)
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return broken(line, col, "the file is not UTF-8 text; save it as UTF-8")
    try:
        data = tomlio.loads(source)
    except tomlio.TOMLDecodeError as error:
        message = getattr(error, "msg", str(error))
        line, col = getattr(error, "lineno", 1), getattr(error, "colno", 1)
        return broken(line, col, f"this is not valid TOML: {message[:1].lower()}{message[1:]}")
    try:
        pack = Pack.model_validate(data)
    except ValidationError as error:
        problems = from_validation_error(error, data, file, locate(source))
        return LoadedPack(file, None, digest, problems, builtin)
    return LoadedPack(file, pack, digest, [], builtin)
