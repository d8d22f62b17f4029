"""The core never imports Textual, and neither do the commands that don't open the workbook."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
# Everything but the TUI, found by walking the package, so a new module is checked without
# anyone remembering to list it; and but the one module that wires textual-serve in (it is
# textual-serve's server, which imports rich).
CORE = sorted(
    info.name
    for info in pkgutil.walk_packages([str(ROOT / "workbook")], prefix="workbook.")
    if not info.name.startswith("workbook.tui")
    and info.name not in ("workbook.__main__", "workbook.serve.server")
)


def test_the_walk_finds_every_layer() -> None:
    for layer in ("packs", "data", "logic", "export"):
        assert f"workbook.{layer}" in CORE
    assert {"workbook.text", "workbook.cli", "workbook.kinds"} <= set(CORE)


def test_no_core_module_imports_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in ('textual', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


@pytest.mark.parametrize(
    "command",
    [["list"], ["schema"], ["couples"], ["validate", str(Path(__file__).parents[1] / "exercises")]],
)
def test_commands_without_the_workbook_do_not_import_textual(command: list[str]) -> None:
    code = (
        "import sys; from workbook.cli import main; code = main(sys.argv[1:]); "
        "sys.stdout.flush(); print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', "
        "file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *command], capture_output=True, text=True, check=True
    )
    assert out.stderr.strip().endswith("CLEAN")


def test_the_home_screen_path_does_not_load_pydantic() -> None:
    """Start-up stays as fast as a bare Textual app only while home needs no models."""
    code = (
        "import sys, workbook.cli, workbook.data.store, workbook.tui.app, "
        "workbook.tui.screens.home; print('pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
