"""The JSON Schema agrees with the loader on good and bad packs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from workbook import tomlio
from workbook.packs.library import builtin_folder, pack_files
from workbook.packs.schema import pack_schema

VALIDATOR = jsonschema.Draft202012Validator(pack_schema())
BAD = Path(__file__).parent / "fixtures" / "bad_packs"


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(pack_schema())
    assert "null" not in str(pack_schema())


@pytest.mark.parametrize("file", pack_files(builtin_folder()), ids=lambda p: p.stem)
def test_builtin_packs_satisfy_the_schema(file: Path) -> None:
    VALIDATOR.validate(tomlio.loads(file.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "name",
    [
        "unknown_kind",
        "unknown_keys",
        "wrong_types",
        "missing_format",
        "newer_format",
        "top_level",
        "steps_not_tables",
        "structured_kinds",
    ],
)
def test_schema_rejects_what_the_loader_rejects(name: str) -> None:
    data: dict[str, Any] = tomlio.loads((BAD / f"{name}.toml").read_text(encoding="utf-8"))
    assert list(VALIDATOR.iter_errors(data))
