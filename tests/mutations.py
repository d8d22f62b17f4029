"""Mutations of pack data and pack text, shared by the fuzzers over the built-in packs."""

from __future__ import annotations

import copy
import random
from datetime import date
from typing import Any

# Values of every TOML type, and the ones that tripped rules before: lists where text belongs,
# repeated options, placeholders, markup.
POOL: list[Any] = [
    [],
    {},
    5,
    -1,
    0,
    10**12,
    1.5,
    True,
    "x",
    "",
    ["text"],
    {"a": 1},
    date(2026, 1, 1),
    "{me}",
    "{partner}",
    "[/]",
    "x" * 300,
    [[["a"]]],
    [{"name": "a"}],
    ["a", "a"],
    [1, 2],
    "choice",
    "rank",
    "agreement",
    "values",
    {"kind": "text"},
]
TEXT_BITS = [*"[]{}=\"',.\n#\\", "[[steps]]\n", "[steps]\n", "kind = ", "\u201c", "\x00"]


def paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in ``node``, the empty path first."""
    found = [path]
    if isinstance(node, dict):
        for key, child in node.items():
            found += paths(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += paths(child, (*path, index))
    return found


def mutate_data(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A copy of ``data`` with one to three keys removed, renamed or given another value."""
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        every = [p for p in paths(data) if p]
        in_steps = [p for p in every if p[0] == "steps" and len(p) == 3]
        path = rng.choice(in_steps if in_steps and rng.random() < 0.6 else every)
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        roll = rng.random()
        if roll < 0.2 and isinstance(parent, dict):
            del parent[path[-1]]
        elif roll < 0.3 and isinstance(parent, dict):
            parent[f"{path[-1]}s"] = parent.pop(path[-1])
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(POOL))
    return data


def mutate_text(text: str, rng: random.Random) -> str:
    """``text`` with spans cut, bits of TOML dropped in, lines repeated or the end cut off."""
    for _ in range(rng.randint(1, 3)):
        roll, at = rng.random(), rng.randrange(len(text) + 1)
        if roll < 0.3:
            text = text[:at] + text[at + rng.randint(1, 40) :]
        elif roll < 0.6:
            text = text[:at] + rng.choice(TEXT_BITS) + text[at:]
        elif roll < 0.8:
            lines = text.split("\n")
            lines.insert(rng.randrange(len(lines)), rng.choice(lines))
            text = "\n".join(lines)
        else:
            text = text[:at]
    return text
