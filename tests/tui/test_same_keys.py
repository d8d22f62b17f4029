"""The same keys give the same answers, whatever their speed (issue "every key lands where it
was meant"). Each script is typed twice: pressed key by key with the app settled after each,
and sent all at once. The files the app leaves must be the same, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.tui.typing_scripts import (
    MODES,
    differences,
    fix_the_clock,
    keys_of,
    library,
    run,
)
from workbook import tomlio

# Each script walks part of the "every kind" pack (tests/fixtures/keys), from the start of a
# step, with the keys a couple would type there, Back included.
SEGMENTS = {
    "text in each answer mode": (
        "private",
        "enter h i ctrl+n enter y o ctrl+n ctrl+b ctrl+n ctrl+n "
        "a ctrl+n b ctrl+n ctrl+n w e space t w o ctrl+n",
    ),
    "scale, choice and rank": (
        "areas",
        "enter 4 down 2 down 5 down 3 ctrl+n enter 1 down 2 down 3 down 4 ctrl+n ctrl+n "
        "enter space down down space ctrl+n enter down space tab x y backspace ctrl+n ctrl+n "
        "enter down ] ] ctrl+n enter down down [ [ ctrl+n ctrl+n",
    ),
    "guess": (
        "know",
        "enter r e d tab b l u e tab r o m e tab p a r i s ctrl+n "
        "enter g r e e n enter b l u e enter o s l o enter r o m e ctrl+n "
        "right down right right down left ctrl+n",
    ),
    "requests": (
        "asks",
        "c a l l enter h u g enter tab 5 down 2 down enter "
        "shift+tab shift+tab shift+tab down tab 3 down 3 down down enter ctrl+n",
    ),
    "chores, listen and agreement": (
        "share",
        "1 down 2 down enter D u s t enter ctrl+n enter 4 down 2 down 3 ctrl+n "
        "enter 2 down 4 down 1 ctrl+n enter tab 1 down 2 down s ctrl+n "
        "enter s a d enter enter enter t i r e d enter enter ctrl+n "
        "enter 1 2 up W a l k enter down 2 1 ctrl+n",
    ),
}

# From Home: the New couple form ("Noor", Tab, "Sam" once gave "NoorSam"), the care note, the
# agenda, and the first step.
FROM_HOME = (
    "n N o o r tab S a m tab L e e enter enter "
    # Eight downs: past the five of the suggested path, then "Asking for what you need",
    # "Before you commit" and the CSI-4, by title.
    "down down down down down down down down enter ctrl+s ctrl+n enter h i ctrl+n"
)

# What each script must have written, so that a script that went astray cannot pass by
# writing nothing in both runs.
EXPECTED: dict[str, dict[str, Any]] = {
    "text in each answer mode": {
        "private": {"a": "hi", "b": "yo"},
        "open": {"a": "b", "b": "a"},
        "together": {"together": "we two"},
    },
    "scale, choice and rank": {
        "areas": {
            "a": {"One": 4, "Two": 2, "Three": 5, "Four": 3},
            "b": {"One": 1, "Two": 2, "Three": 3, "Four": 4},
        },
        "order": {
            "a": ["North", "South", "West", "East"],
            "b": ["South", "North", "East", "West"],
        },
    },
    "guess": {
        "know": {
            "a": {
                "own": {"A colour": "green", "A town": "oslo"},
                "guess": {"A colour": "blue", "A town": "rome"},
                "marks": {"A colour": "close"},
            },
            "b": {
                "own": {"A colour": "red", "A town": "rome"},
                "guess": {"A colour": "blue", "A town": "paris"},
                "marks": {"A colour": "got it", "A town": "not quite"},
            },
        }
    },
    "requests": {
        "asks": {
            "requests": [
                {"by": "a", "text": "call", "benefit": 5, "cost": 2, "decision": "yes"},
                {"by": "b", "text": "hug", "benefit": 3, "cost": 3, "decision": "no"},
            ]
        }
    },
    "chores, listen and agreement": {
        "share": {
            "tasks": [
                {"name": "Cooking", "minutes": 300, "now": "a", "done": ""},
                {"name": "Laundry", "minutes": 90, "now": "b", "done": ""},
                {"name": "Dust", "minutes": 60, "now": "nobody", "done": ""},
            ],
            "weights": {
                "a": {"Cooking": 2, "Laundry": 4, "Dust": 1},
                "b": {"Cooking": 4, "Laundry": 2, "Dust": 3},
            },
            "split": {
                "owner": {"Cooking": "a", "Dust": "shared", "Laundry": "b"},
                "shared_part_a": 0.5,
            },
        },
        "agree": {
            "terms": [
                {"text": "Keep doing “Cooking”", "who": "a", "source": "every-kind.share"}
                | {"confirmed_by": ["a", "b"], "review_on": date(2026, 12, 20)}
                | {"agreement": "2026-11-22-1905-1"},
                {"text": "Walk", "who": "both", "source": "every-kind.agree"}
                | {"confirmed_by": ["a", "b"], "review_on": date(2026, 12, 20)}
                | {"agreement": "2026-11-22-1905-2"},
            ]
        },
        "hear": {
            "turns": [
                {"round": 1, "speaker": s, "paraphrases": [said], "tries": 1}
                | {"confirmed": True, "timeouts": 0}
                for s, said in (("a", "sad"), ("b", "tired"))
            ]
        },
    },
}


def answers(files: dict[str, bytes]) -> dict[str, object]:
    (session,) = [
        tomlio.loads(data.decode())
        for name, data in files.items()
        if "/sessions/" in name and name.endswith(".toml") and ".notes." not in name
    ]
    found: dict[str, object] = session["answers"]
    return found


@pytest.mark.parametrize("segment", list(SEGMENTS))
async def test_keys_sent_at_once_leave_the_same_files_as_keys_pressed_one_by_one(
    segment: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fix_the_clock(monkeypatch)
    step, script = SEGMENTS[segment]
    packs = library()
    written = {
        mode: await run(tmp_path / mode, packs, keys_of(script), mode, pack="every-kind", step=step)
        for mode in MODES
    }
    assert written["settled"] == written["burst"], differences(*written.values())
    got = answers(written["settled"])["every-kind"]
    assert isinstance(got, dict)
    for step_id, expected in EXPECTED[segment].items():
        assert got[step_id] == expected, step_id


async def test_the_new_couple_form_and_the_agenda_take_keys_sent_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fix_the_clock(monkeypatch)
    packs = library()
    written = {mode: await run(tmp_path / mode, packs, keys_of(FROM_HOME), mode) for mode in MODES}
    assert written["settled"] == written["burst"], differences(*written.values())
    (couple,) = [tomlio.loads(d.decode()) for n, d in written["burst"].items() if "couple." in n]
    assert [p["name"] for p in couple["partners"]] == ["Noor", "Sam"]
    assert couple["facilitator"] == "Lee"
    assert answers(written["burst"])["every-kind"] == {"private": {"a": "hi"}}


# Keys a couple uses on a written answer, a scale and a rank, with the moves between them.
KEYS = st.sampled_from(
    [
        *("a", "b", "space", "backspace", "enter", "up", "down", "left", "right"),
        *("1", "3", "5", "[", "]", "tab", "shift+tab", "ctrl+n", "ctrl+n", "ctrl+b"),
    ]
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(script=st.lists(KEYS, min_size=8, max_size=28))
async def test_drawn_scripts_leave_the_same_files_at_any_speed(
    script: list[str], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    fix_the_clock(monkeypatch)
    packs = library()
    folder = tmp_path_factory.mktemp("drawn")
    # The walk starts on the first hand-over: the script's own keys take it from there.
    keys = ["enter", *script]
    written = {
        mode: await run(folder / mode, packs, keys, mode, pack="three-kinds") for mode in MODES
    }
    assert written["settled"] == written["burst"], differences(*written.values())


@contextmanager
def two_busy_cores(seconds: float = 120.0) -> Iterator[None]:
    """Two processes that only burn the processor, as other work on a slow laptop does; they
    stop with the block, and by themselves after ``seconds`` whatever happens."""
    spin = f"import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end: pass"
    busy = [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(2)]
    try:
        yield
    finally:
        for process in busy:
            process.kill()
            process.wait()


async def test_keys_sent_at_once_on_a_busy_machine_leave_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The private answers typed straight after a hand-over once went into the other
    partner's answer on a loaded machine; the same keys at once, three times under load."""
    fix_the_clock(monkeypatch)
    step, script = SEGMENTS["text in each answer mode"]
    packs = library()
    keys = keys_of(script)
    expected = await run(tmp_path / "settled", packs, keys, "settled", pack="every-kind", step=step)
    with two_busy_cores():
        for attempt in range(3):
            got = await run(
                tmp_path / f"burst-{attempt}", packs, keys, "burst", pack="every-kind", step=step
            )
            assert got == expected, differences(expected, got)
