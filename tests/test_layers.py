"""The core never imports Textual, and neither do the commands that don't open the workbook."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORE = [
    "workbook.text",
    "workbook.packs",
    "workbook.packs.library",
    "workbook.packs.schema",
    "workbook.data.store",
    "workbook.data.answers",
    "workbook.logic.compare",
    "workbook.logic.agreements",
    "workbook.export.summary",
    "workbook.export.agreement_doc",
    "workbook.export.html",
    "workbook.kinds",
    "workbook.logic.trial",
    "workbook.cli",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules or 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


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
