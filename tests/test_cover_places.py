"""The sealed header's parts that need no key: where a path is in its folder, and a damaged
header refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.data import places


def test_place_of_names_a_path_relative_to_its_folder_without_the_suffix(tmp_path: Path) -> None:
    assert places.place_of(tmp_path, tmp_path / "couples" / "a" / "x.toml.age") == (
        "couples/a/x.toml"
    )


def test_place_of_refuses_a_path_outside_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="is not in"):
        places.place_of(tmp_path / "data", tmp_path / "database" / "x.toml")


def test_split_gives_a_file_without_a_header_whole() -> None:
    assert places.split(b"plain = 1\n") == (None, b"plain = 1\n")


def test_split_reads_a_good_header() -> None:
    head = b'{"v":1,"place":"a.toml","key":"k1","counter":5}'
    fields, body = places.split(places.MAGIC + head + b"\nbody")
    assert fields is not None
    assert fields["place"] == "a.toml"
    assert fields["counter"] == 5
    assert body == b"body"


@pytest.mark.parametrize(
    "head",
    [
        b"{not json",
        b'{"place":"a","key":"k","counter":-1}',
        b'{"place":"a","key":"k","counter":true}',
        b'{"place":1,"key":"k","counter":1}',
        b"[1, 2]",
    ],
)
def test_split_refuses_a_damaged_header(head: bytes) -> None:
    with pytest.raises(places.Refused, match="header is damaged"):
        places.split(places.MAGIC + head + b"\nbody")


def test_split_refuses_a_header_without_its_line_end() -> None:
    with pytest.raises(places.Refused):
        places.split(places.MAGIC + b'{"place":"a","key":"k","counter":1}')
