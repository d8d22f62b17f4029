"""The JSON Schema agrees with the loader, and editors turn it into one message per mistake.

Taplo (the engine of VS Code's Even Better TOML) checks every bad fixture through a ``#:schema``
line, as an author's editor would. Taplo repeats a problem with a whole table (an unknown or
missing key) on each key and value of that table, so the messages are counted once each.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from workbook import tomlio
from workbook.packs.library import builtin_folder, pack_files
from workbook.packs.schema import pack_schema

SCHEMA = pack_schema()
DIALECT = jsonschema.validators.validator_for(SCHEMA)
VALIDATOR = DIALECT(SCHEMA)
BAD = Path(__file__).parent / "fixtures" / "bad_packs"
FIXTURES = sorted(BAD.glob("*.toml"))
# Fixtures whose every problem is a rule between keys or steps (placeholders, references, repeats
# that differ in case), which a JSON Schema cannot state: only `workbook validate` finds them.
ONLY_VALIDATE = {
    "placeholders",
    "references",
    "reference_typos",
    "titles_and_repeats",
    "braces_in_shown_text",
}
# Where an editor rightly says more than the loader: the loader stops at a newer format, which
# here also has an unknown key and kind; taplo names both headers of a [steps]/[[steps]] clash; a
# step id that is not an id is one problem to the loader, which says nothing of the references to
# it, but a schema checks each reference's pattern too.
MORE = {
    "knock_on_bad_id": 3,
    "newer_format": 3,
    "syntax_steps_one_bracket": 2,
}
EXPECT = re.compile(r"^# expect: ", re.MULTILINE)


def _taplo() -> str | None:
    beside = Path(sys.executable).parent / "taplo"
    return shutil.which("taplo") or (str(beside) if beside.exists() else None)


def _parses(file: Path) -> bool:
    try:
        tomlio.loads(file.read_text(encoding="utf-8"))
    except tomlio.TOMLDecodeError:
        return False
    return True


def test_schema_is_a_valid_json_schema() -> None:
    assert DIALECT is jsonschema.Draft7Validator
    DIALECT.check_schema(SCHEMA)
    assert "null" not in str(SCHEMA)


def test_no_discriminator_and_no_one_of() -> None:
    """Validators that do not know pydantic's discriminator would try every kind."""
    text = json.dumps(SCHEMA)
    assert "discriminator" not in text
    assert "oneOf" not in text


def test_every_key_has_the_docs_words() -> None:
    def tables(node: Any) -> list[dict[str, Any]]:
        if isinstance(node, dict):
            found = [node] if "properties" in node else []
            # An "if" only tests a table: its keys need no words.
            return found + [t for key, value in node.items() if key != "if" for t in tables(value)]
        if isinstance(node, list):
            return [t for value in node for t in tables(value)]
        return []

    for table in tables(SCHEMA):
        for key, schema in table["properties"].items():
            if "description" in schema:
                assert len(schema["description"]) > 10, key
            else:
                # Only the conditions that choose a step's kind, and the keys that are always a
                # mistake (their const is the message), have undescribed keys.
                assert set(schema) == {"const"}, key


@pytest.mark.parametrize("file", pack_files(builtin_folder()), ids=lambda p: p.stem)
def test_builtin_packs_satisfy_the_schema(file: Path) -> None:
    VALIDATOR.validate(tomlio.loads(file.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "file",
    [f for f in FIXTURES if _parses(f) and f.stem not in ONLY_VALIDATE],
    ids=lambda p: p.stem,
)
def test_schema_rejects_what_the_loader_rejects(file: Path) -> None:
    data: dict[str, Any] = tomlio.loads(file.read_text(encoding="utf-8"))
    errors = list(VALIDATOR.iter_errors(data))
    assert errors
    problems = len(EXPECT.findall(file.read_text(encoding="utf-8")))
    assert len(errors) <= MORE.get(file.stem, problems), [e.message for e in errors]


def test_the_kind_chooses_the_schema_of_a_step() -> None:
    step: dict[str, Any] = {"id": "a", "kind": "text", "prompt": "?", "options": ["a", "b"]}
    pack: dict[str, Any] = {"format": 1, "id": "p", "title": "T", "summary": "S", "steps": [step]}
    (error,) = VALIDATOR.iter_errors(pack)
    assert "options only in choice and rank steps" in error.message
    step["kind"] = "choice"
    assert not list(VALIDATOR.iter_errors(pack))
    step["options"] = ["a", "a"]
    (error,) = VALIDATOR.iter_errors(pack)
    assert "non-unique" in error.message


def _taplo_messages(taplo: str, file: Path, folder: Path) -> tuple[int, list[str]]:
    (folder / "workbook-pack.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    copy = folder / file.name
    copy.write_text(
        "#:schema ./workbook-pack.schema.json\n" + file.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    done = subprocess.run(
        [taplo, "check", "--colors", "never", "--no-auto-config", copy.name],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "RUST_LOG": "error"},
    )
    output = done.stdout + done.stderr
    return done.returncode, re.findall(r"^error: (.*)$", output, re.MULTILINE)


@pytest.mark.skipif(
    _taplo() is None,
    reason="taplo is not installed (pip install taplo; no wheel for Linux on ARM)",
)
@pytest.mark.parametrize("file", FIXTURES, ids=lambda p: p.stem)
def test_an_editor_gives_one_message_per_mistake(file: Path, tmp_path: Path) -> None:
    taplo = _taplo()
    assert taplo is not None
    code, messages = _taplo_messages(taplo, file, tmp_path)
    if file.stem in ONLY_VALIDATE:
        assert (code, messages) == (0, []), messages
        return
    assert code != 0
    assert messages
    problems = len(EXPECT.findall(file.read_text(encoding="utf-8")))
    distinct = set(messages)
    assert len(distinct) <= MORE.get(file.stem, problems), sorted(distinct)
    assert not [m for m in distinct if "oneOf" in m or "any of the schemas" in m]


HEAD = 'format = 1\nid = "p"\ntitle = "T"\nsummary = "S"\nminutes = 20\n\n'
STEP = (
    '[[steps]]\nid = "{id}"\nkind = "text"\ntitle = "A step"\n{prompt} = "What now?"\n'
    'help = "Take your time."\nanswer = "each-open"\noptional = true\nmax_chars = 400\n\n'
)
# Each case, and the key its messages must name; taplo once gave 42, 20 and 174 messages.
EDITOR_CASES = {
    "misspelt_key_in_a_step": (
        HEAD + STEP.format(id="a", prompt="prompt") + STEP.format(id="b", prompt="promt"),
        "prompt",
    ),
    "pack_key_in_a_step": (
        HEAD.replace("minutes = 20\n", "")
        + STEP.format(id="a", prompt="prompt")
        + STEP.format(id="b", prompt="prompt")
        + "minutes = 30\n",
        "minutes",
    ),
    "step_for_steps": (
        HEAD
        + (STEP.format(id="a", prompt="prompt") + STEP.format(id="b", prompt="prompt")).replace(
            "[[steps]]", "[[step]]"
        ),
        "[[steps]]",
    ),
}


@pytest.mark.skipif(
    _taplo() is None,
    reason="taplo is not installed (pip install taplo; no wheel for Linux on ARM)",
)
@pytest.mark.parametrize("case", sorted(EDITOR_CASES))
def test_an_editor_gives_at_most_three_messages_that_name_the_key(
    case: str, tmp_path: Path
) -> None:
    taplo = _taplo()
    assert taplo is not None
    source, key = EDITOR_CASES[case]
    file = tmp_path / "source" / f"{case}.toml"
    file.parent.mkdir()
    file.write_text(source, encoding="utf-8")
    code, messages = _taplo_messages(taplo, file, tmp_path)
    assert code != 0
    assert 1 <= len(messages) <= 3, messages
    assert all(key in message for message in messages), messages
