"""A mutation fuzzer over the built-in packs: every located problem is on the right line.

Each case mutates a built-in pack, as data written out again by tomli-w or as lines of the
hand-written file (a key added after a table's header, a line of one key removed, a value
replaced), and loads it. For each problem with a key path, the check reads the file's lines with no
help from the locator:

- a key that is in the file is on the problem's line, written as ``key =`` or as a table header,
  inside its step;
- a key that is not in the file (a missing key, a default a rule reads) sends the problem to its
  table: the step's ``[[steps]]`` line, the braces of a task, or the pack's first key;
- an entry of a list is on a line that holds it;
- the path never runs on past a value that is not a table or a list.

The suite runs 1,200 cases (the same ones every run: seeds 0 to 1,199); set
``WORKBOOK_FUZZ_CASES`` for a longer run (4,000 or more before a change to the locator).
"""

from __future__ import annotations

import copy
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest

from tests.mutations import POOL, mutate_data
from workbook import tomlio
from workbook.packs import load
from workbook.packs.library import builtin_folder
from workbook.packs.problems import Problem

BUILTIN = {path.name: path.read_text(encoding="utf-8") for path in builtin_folder().glob("*.toml")}
NAMES = sorted(BUILTIN)
CASES = int(os.environ.get("WORKBOOK_FUZZ_CASES", "1200"))
CHUNKS = 8
STEPS_HEADER = re.compile(r"^\[\[steps\]\][ \t]*(#.*)?$")
SCORES_HEADER = re.compile(r"^\[\[scores\]\][ \t]*(#.*)?$")
# Keys an author might add to a step: every key of the format, kinds used as keys, near misses.
KEYS = [
    *("id", "kind", "title", "prompt", "help", "answer", "optional", "max_chars", "items"),
    *("min", "max", "low", "high", "gap", "options", "pick_min", "pick_max", "other"),
    *("options_from", "tasks", "max_per_partner", "turn_minutes", "rounds", "from", "review_days"),
    *("text", "scale", "choice", "read", "body", "promt", "answers", "question"),
    *("questions", "method", "reverse", "bands", "label"),
]
VALUES = [
    '"x"',
    '"{me}"',
    '"{me}\'s side"',
    "5",
    "0",
    "20.5",
    "true",
    '["a", "A"]',
    '["neds"]',
    '"valeus"',
    "[]",
    '{ name = "x" }',
    '[{ name = "Dishes" }, { name = "dishes" }]',
    '"together"',
    '"togehter"',
]


def _more_data(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Mutations aimed at locations: keys named after the step's kind, repeats, references."""
    data = copy.deepcopy(data)
    steps = [s for s in data.get("steps", []) if isinstance(s, dict)]
    if not steps:
        return data
    step = rng.choice(steps)
    roll = rng.random()
    kind = step.get("kind")
    if roll < 0.35 and isinstance(kind, str):
        step[kind] = copy.deepcopy(rng.choice(POOL))
    elif roll < 0.5 and isinstance(step.get("options"), list) and step["options"]:
        step["options"].append(f" {str(step['options'][0]).upper()}")
    elif roll < 0.65:
        step[rng.choice(["from", "options_from"])] = rng.choice([["neds"], "valeus", ["later"]])
    elif roll < 0.8:
        step["title"] = "{partner}'s turn"
    else:
        step.pop(rng.choice(["id", "kind", "prompt", "body", "options"]), None)
    return data


def _mutate_lines(text: str, rng: random.Random) -> str:
    """Change whole lines of a hand-written pack, keeping its layout everywhere else."""
    lines = text.split("\n")
    headers = [
        i for i, line in enumerate(lines) if STEPS_HEADER.match(line) or SCORES_HEADER.match(line)
    ]
    for _ in range(rng.randint(1, 3)):
        single = [
            i
            for i, line in enumerate(lines)
            if re.match(r"^[a-z_]+ = ", line) and _one_line(line.split(" = ", 1)[1])
        ]
        roll = rng.random()
        if roll < 0.5 or not single:
            after = rng.choice([0, *headers])
            line = f"{rng.choice(KEYS)} = {rng.choice(VALUES)}"
            lines.insert(after + 1, line)
            headers = [h + 1 if h > after else h for h in headers]
        elif roll < 0.75:
            index = rng.choice(single)
            del lines[index]
            headers = [h - 1 if h > index else h for h in headers]
        else:
            index = rng.choice(single)
            lines[index] = lines[index].split(" = ", 1)[0] + " = " + rng.choice(VALUES)
    return "\n".join(lines)


def _one_line(value: str) -> bool:
    if value.startswith(('"""', "'''")):
        return False
    try:
        tomlio.loads(f"v = {value}")
    except tomlio.TOMLDecodeError:
        return False
    return True


def _case(seed: int) -> str | None:
    rng = random.Random(seed)
    source = BUILTIN[rng.choice(NAMES)]
    roll = rng.random()
    try:
        if roll < 0.35:
            return tomlio.dumps(mutate_data(tomlio.loads(source), rng))
        if roll < 0.6:
            return tomlio.dumps(_more_data(tomlio.loads(source), rng))
    except ValueError:
        return None
    return _mutate_lines(source, rng)


# The check, from the file's lines alone


def _key_pattern(key: str) -> re.Pattern[str]:
    k = re.escape(key)
    return re.compile(
        rf"(?:^|[\s{{,.])(?:{k}|\"{k}\"|'{k}')\s*="
        rf"|^\s*\[\[?\s*(?:[\w-]+\s*\.\s*)*(?:{k}|\"{k}\")\s*\]\]?"
    )


class Lines:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.headers = [n + 1 for n, line in enumerate(self.lines) if STEPS_HEADER.match(line)]
        self.score_headers = [
            n + 1 for n, line in enumerate(self.lines) if SCORES_HEADER.match(line)
        ]
        # Where each table of the array ends: at the next [[steps]] or [[scores]] line.
        self.starts = sorted([*self.headers, *self.score_headers, len(self.lines) + 1])
        self.first = next(
            n + 1
            for n, line in enumerate(self.lines)
            if line.strip() and not line.lstrip().startswith("#")
        )

    def text(self, line: int) -> str:
        return self.lines[line - 1]

    def in_step(self, index: int, line: int) -> bool:
        """Whether ``line`` is inside the ``index``-th [[steps]] table, when steps have headers."""
        return self._inside(self.headers, index, line)

    def in_score(self, index: int, line: int) -> bool:
        """Whether ``line`` is inside the ``index``-th [[scores]] table, when they have headers."""
        return self._inside(self.score_headers, index, line)

    def _inside(self, headers: list[int], index: int, line: int) -> bool:
        if not headers:
            return True
        if index >= len(headers):
            return False
        start = headers[index]
        end = next(n for n in self.starts if n > start)
        return start <= line < end

    def at_top(self, line: int) -> bool:
        return not self.starts[:-1] or line < self.starts[0]


def _wrong(problem: Problem, data: dict[str, Any], lines: Lines) -> str | None:
    """Why ``problem`` is not on a line that holds what it names, or None if it is."""
    path, line = problem.path, problem.position.line
    node: Any = data
    for depth, part in enumerate(path):
        in_table = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_table or in_list:
            node = node[part]
        elif depth == len(path) - 1 and isinstance(node, dict):
            return _table(path[:-1], line, lines)
        else:
            return f"the path runs on past {path[: depth + 1]!r}"
    step = path[1] if len(path) > 1 and path[0] == "steps" else None
    if isinstance(step, int) and not lines.in_step(step, line):
        return f"line {line} is not inside step {step}"
    score = path[1] if len(path) > 1 and path[0] == "scores" else None
    if isinstance(score, int) and not lines.in_score(score, line):
        return f"line {line} is not inside score {score}"
    header = lines.text(line).lstrip().startswith("[")
    own = step is None and score is None
    if own and isinstance(path[-1], str) and not (lines.at_top(line) or header):
        return f"line {line} is not among the pack's own keys"
    if isinstance(path[-1], str):
        if path in (("steps",),) and (lines.headers and line == lines.headers[0]):
            return None
        if not _key_pattern(path[-1]).search(lines.text(line)) and not _inside_text(
            path[-1], line, lines
        ):
            return f"line {line} does not hold the key {path[-1]!r}"
        return None
    if path[:1] == ("steps",) and len(path) == 2 and isinstance(node, dict):
        return _table(path, line, lines)
    return _entry(node, line, lines)


def _inside_text(key: str, line: int, lines: Lines) -> bool:
    """Whether ``line`` is inside a text over several lines that ``key`` opens: a problem
    about a spot in the text (a placeholder) points at that spot."""
    for above in range(line - 1, 0, -1):
        text = lines.text(above)
        if re.match(r"^\s*[\w\"'-]+\s*=", text):
            return bool(_key_pattern(key).search(text)) and ('"""' in text or "'''" in text)
    return False


def _table(path: tuple[Any, ...], line: int, lines: Lines) -> str | None:
    text = lines.text(line)
    if path == ():
        return None if line == lines.first else f"line {line} is not the pack's first key"
    if len(path) == 2 and path[0] == "steps" and isinstance(path[1], int):
        if lines.headers:
            expected = lines.headers[path[1]] if path[1] < len(lines.headers) else None
            return None if line == expected else f"line {line} is not the [[steps]] of {path}"
        return None if "{" in text else f"line {line} does not open step {path}"
    if "{" in text or text.lstrip().startswith("["):
        return None
    if isinstance(path[-1], str) and _key_pattern(path[-1]).search(text):
        return None
    return f"line {line} does not open the table {path}"


def _entry(value: Any, line: int, lines: Lines) -> str | None:
    text = lines.text(line)
    if isinstance(value, dict):
        ok = "{" in text or text.lstrip().startswith("[[")
    elif isinstance(value, list):
        ok = "[" in text
    elif isinstance(value, str):
        ok = value[:20] in text or tomlio.dumps({"v": value})[4:].strip()[:20] in text
    else:
        ok = tomlio.dumps({"v": value})[4:].strip() in text
    return None if ok else f"line {line} does not hold the entry {value!r}"


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_every_located_problem_is_on_the_line_of_what_it_names(chunk: int) -> None:
    # Named, never written: the loader's reading of a file is the same for every case.
    file = Path("mutated.toml")
    checked = 0
    wrong: list[str] = []
    for seed in range(chunk, CASES, CHUNKS):
        text = _case(seed)
        if text is None:
            continue
        try:
            data = tomlio.loads(text)
        except tomlio.TOMLDecodeError:
            continue  # syntax errors have fixtures of their own
        loaded = load._parse(text.encode("utf-8"), file, False)
        lines = Lines(text)
        for problem in loaded.problems:
            if not problem.path:
                continue
            checked += 1
            why = _wrong(problem, data, lines)
            if why is not None:
                wrong.append(f"seed {seed}: {problem.short()}: {why}")
    assert not wrong, f"{len(wrong)} of {checked} problems misplaced:\n" + "\n".join(wrong[:10])
    # Enough problems are found, or the mutations test nothing.
    assert checked > CASES // CHUNKS
