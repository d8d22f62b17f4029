"""The pack library: built-in packs, the author's folders, overrides, broken packs."""

from __future__ import annotations

import os
from pathlib import Path

from tests.packs_helpers import write_pack
from workbook.packs.library import folders_from_env, load_library, other_language


def test_user_pack_overrides_a_builtin_and_the_library_says_so(tmp_path: Path) -> None:
    mine = write_pack(tmp_path / "mine", "respect")
    library = load_library([tmp_path / "mine"], environ={})
    assert library.packs["respect"].file == mine
    assert not library.packs["respect"].builtin
    assert library.notes == [f'{mine} overrides the built-in pack "respect"']


def test_a_broken_pack_never_stops_the_others(tmp_path: Path) -> None:
    write_pack(tmp_path, "good")
    (tmp_path / "broken.toml").write_text("format = 1\nid = ", encoding="utf-8")
    library = load_library([tmp_path], environ={}, builtin=False)
    assert list(library.packs) == ["good"]
    assert [b.file.name for b in library.broken] == ["broken.toml"]
    assert "id: a value is missing after =" in str(library.broken[0].problems[0])


def test_env_folders_come_after_command_line_folders(tmp_path: Path) -> None:
    first = write_pack(tmp_path / "cli", "same")
    second = write_pack(tmp_path / "env", "same")
    environ = {"WORKBOOK_EXERCISES": os.pathsep.join([str(tmp_path / "env"), "", "/nope"])}
    library = load_library([tmp_path / "cli"], environ=environ, builtin=False)
    assert library.packs["same"].file == first
    assert f'{second} is ignored: the pack id "same" is already used by {first}' in library.notes
    assert "/nope: no such exercise folder" in library.notes


def test_env_splits_on_the_path_separator() -> None:
    assert folders_from_env({"WORKBOOK_EXERCISES": f"/a{os.pathsep}/b"}) == [Path("/a"), Path("/b")]


def test_hidden_folders_and_files_are_skipped(tmp_path: Path) -> None:
    write_pack(tmp_path / ".git", "hidden")
    write_pack(tmp_path / "sub", "nested")
    library = load_library([tmp_path], environ={}, builtin=False)
    assert list(library.packs) == ["nested"]


def test_one_id_in_several_languages_and_the_couple_s_language_chooses(tmp_path: Path) -> None:
    """The pack's ``language`` says which version a file is, never its name; a couple gets
    their language where it exists (a region served by the language), else the default."""
    write_pack(tmp_path, "talk", name="talk")
    spanish = write_pack(tmp_path, "talk", name="charla")
    spanish.write_text(
        spanish.read_text(encoding="utf-8").replace(
            "format = 1\n", 'format = 1\nlanguage = "es"\n'
        ),
        encoding="utf-8",
    )
    write_pack(tmp_path, "only", name="only")
    library = load_library([tmp_path], environ={}, builtin=False)
    assert library.notes == []
    assert library.languages("talk") == ["es", "en"]
    assert library.packs["talk"].pack.language == "en"
    assert library.version("talk", "es-MX").file == spanish
    assert library.version("talk", "ar").pack.language == "en"
    assert library.in_language("es")["talk"].file == spanish
    assert library.speaks("talk", "es")
    assert not library.speaks("only", "es")
    assert other_language(library, "only", "es") == "solo en inglés"
    assert other_language(library, "talk", "es") == ""
    assert {loaded.file for loaded in library.ordered("es")} == {spanish, tmp_path / "only.toml"}


def test_an_id_repeats_only_in_the_same_language(tmp_path: Path) -> None:
    first = write_pack(tmp_path / "one", "twice")
    second = write_pack(tmp_path / "two", "twice")
    library = load_library([tmp_path / "one", tmp_path / "two"], environ={}, builtin=False)
    assert library.packs["twice"].file == first
    assert library.notes == [f'{second} is ignored: the pack id "twice" is already used by {first}']


def test_a_user_pack_overrides_the_built_in_version_in_its_own_language(tmp_path: Path) -> None:
    mine = write_pack(tmp_path, "values")
    mine.write_text(
        mine.read_text(encoding="utf-8").replace("format = 1\n", 'format = 1\nlanguage = "es"\n'),
        encoding="utf-8",
    )
    library = load_library([tmp_path], environ={})
    assert library.version("values", "es").file == mine
    assert library.version("values", "en").builtin
    assert library.notes == [f'{mine} overrides the built-in pack "values" (es)']
