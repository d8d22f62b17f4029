"""The pack library: built-in packs, the author's folders, overrides, broken packs."""

from __future__ import annotations

import os
from pathlib import Path

from tests.packs_helpers import write_pack
from workbook.packs.library import folders_from_env, load_library


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
