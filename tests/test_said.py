"""Errors told in English and shown in any language (``i18n/said.py``): a service's or a data
file's error keeps its English ``message`` for the command line, and ``said(tr)`` says it in a
screen's language, its fields cleaned; each such error is raised with a marked template, never
with English joined from parts; and the command line stays English whatever --lang says."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workbook.cli.main import main
from workbook.data import places, vault
from workbook.data.durable import SaveError
from workbook.data.store import Store
from workbook.i18n.catalog import N_, PSEUDO, translations
from workbook.i18n.pseudo import is_pseudo
from workbook.i18n.said import AS_GIVEN, Words, said_in
from workbook.service import goals
from workbook.service.errors import NotFound, NotSaved, Refused

ROOT = Path(__file__).parents[1] / "workbook"
SPANISH, ARABIC, PSEUDO_WORDS = translations("es"), translations("ar"), translations(PSEUDO)


def test_the_message_is_english_and_said_is_the_screen_s_language() -> None:
    error = NotFound(N_('no goal "{goal}"'), goal="g\x1b[31m9")
    # The command line's words, cleaned of the control character a hostile file could hold.
    assert error.message == str(error) == 'no goal "g[31m9"'
    assert error.said(SPANISH) == "no hay ningún objetivo «g[31m9»"
    assert "g[31m9" in error.said(ARABIC)
    assert "goal" not in error.said(ARABIC)
    assert is_pseudo(error.said(PSEUDO_WORDS).replace("g[31m9", ""))


def test_a_reason_that_is_said_itself_is_said_in_the_same_language() -> None:
    sealed = places.Refused(N_("its header names another data key than this folder's"))
    saved = SaveError(Path("/x/couple.toml"), sealed)
    error = NotSaved(N_("The couple could not be changed: {problem}"), problem=saved)
    english = "The couple could not be changed: could not save /x/couple.toml: its header"
    assert error.message.startswith(english)
    assert error.said(SPANISH) == (
        "No se pudieron guardar los cambios de la pareja: no se pudo guardar /x/couple.toml: "
        "su cabecera nombra "
        "una clave de datos distinta de la de esta carpeta"
    )
    # An OS error's own words stay as the OS gives them.
    full = SaveError(Path("/x/a.toml"), "No space left on device")
    assert said_in(full, SPANISH) == "no se pudo guardar /x/a.toml: No space left on device"
    assert said_in(OSError("plain"), SPANISH) == "plain"


def test_a_field_with_braces_is_text_and_a_lower_layer_s_words_pass_as_they_are() -> None:
    error = Refused(AS_GIVEN, problem="a {path} in braces")
    assert error.message == error.said(SPANISH) == "a {path} in braces"
    # Passed on whole: never given to the catalog (the pseudo-language does not pad it).
    assert error.said(PSEUDO_WORDS) == "a {path} in braces"
    secret = vault.WrongSecret(N_("the passphrase is empty"))
    assert isinstance(secret, ValueError)
    assert secret.said(SPANISH) == "la frase de contraseña está vacía"
    note = Words(N_("{keys} is kept by browsers; choose another key"), keys="Ctrl+W")
    assert note.message == "Ctrl+W is kept by browsers; choose another key"
    assert note.said(SPANISH) == "los navegadores se reservan Ctrl+W; elige otra tecla"


def test_a_service_s_refusal_is_said_in_each_language() -> None:
    with pytest.raises(Refused) as refused:
        goals._text("")
    assert refused.value.message == "a goal needs a few words"
    assert refused.value.said(SPANISH) == "un objetivo necesita unas palabras"
    assert refused.value.said(ARABIC) == "يحتاج الهدف إلى بضع كلمات"


SAID_ERRORS = {
    "ServiceError",
    "NotFound",
    "Refused",
    "NotSaved",
    "WrongSecret",
    "KeyBroken",
    "Damaged",
    "NotThisKey",
}


def unmarked_raises(source: str) -> list[int]:
    """The lines where an error told in words is made with anything but a marked template
    (``N_("...")``) or a name (a template marked where it is defined, ``AS_GIVEN``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        # A widget's message of the same name (``self.Refused(...)``) is no error.
        owner = getattr(getattr(node.func, "value", None), "id", None)
        if name not in SAID_ERRORS or not node.args or owner == "self":
            continue
        first = node.args[0]
        marked = isinstance(first, ast.Call) and getattr(first.func, "id", None) == "N_"
        if not (marked or isinstance(first, ast.Name)):
            found.append(node.lineno)
    return found


def test_every_error_told_in_words_is_made_from_a_marked_template() -> None:
    found = [
        f"{path.relative_to(ROOT.parent)}:{line}"
        # The command line's own errors are never shown on a screen.
        for path in ROOT.rglob("*.py")
        if "cli" not in path.parts
        for line in unmarked_raises(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_check_finds_an_error_built_from_parts() -> None:
    source = (
        'raise Refused(f"no {x}")\nraise NotSaved(str(e))\nraise Refused(N_("fine {x}"), x=1)\n'
        "raise NotFound(SAID)\n"
    )
    assert unmarked_raises(source) == [1, 2]


@pytest.mark.parametrize("language", ["es", "ar", PSEUDO])
def test_the_command_line_stays_english_whatever_the_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str
) -> None:
    store = Store(tmp_path / "data")
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    folder = str(store.root)
    asked = [
        (
            ["history", "nobody"],
            f'workbook: no couple "nobody" in {folder} (see: workbook couples)',
        ),
        (
            ["assign", couple.id, "--pack", "values", "--due", "2020-01-01"],
            "workbook: the day it is due (2020-01-01) has already passed",
        ),
        (
            ["assign", couple.id, "--pack", "values", "--due", "someday"],
            'workbook: "someday" is not a day: write it as 2026-11-29, today, tomorrow, a '
            "weekday (friday) or +7",
        ),
    ]
    for args, english in asked:
        assert main(["--lang", language, "--data-dir", folder, *args]) == 2
        assert capsys.readouterr().err == english + "\n"
