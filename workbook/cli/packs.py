"""The commands about packs: ``list``, ``validate``, ``schema``, and ``try`` (which opens a pack
in the workbook). None but ``try`` imports Textual."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workbook.cli import common
from workbook.cli.output import EXIT_OK, EXIT_PROBLEMS, Fatal, count, err, out


def listing(args: argparse.Namespace) -> int:
    # A library's packs are all loaded (``Library.ordered``): Any, as the JSON it becomes.
    library: Any = common.library(args)
    rows = [
        {
            "id": loaded.pack.id,
            "title": loaded.pack.title,
            "minutes": loaded.pack.minutes,
            "topics": list(loaded.pack.topics),
            "summary": loaded.pack.summary,
            "recurring": loaded.pack.recurring,
            "builtin": loaded.builtin,
            "file": str(loaded.file),
            # Every language the id is written in; the row's other keys are its default one.
            "languages": library.languages(loaded.pack.id),
        }
        for loaded in library.ordered()
    ]
    if args.json:
        out(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        out("No packs found.")
        return EXIT_OK
    from rich.cells import cell_len

    from workbook.text import one_width

    # A heart is shown as the screen shows it (one cell, with no emoji selector), and columns
    # are padded by the cells a terminal draws, not by characters: 日本 takes four.
    table = [
        (
            r["id"],
            one_width(r["title"]),
            f"{r['minutes']} min" if r["minutes"] else "-",
            one_width(", ".join(r["topics"])) or "-",
            r["file"],
        )
        for r in rows
    ]

    widths = [max(cell_len(row[i]) for row in table) for i in range(4)]
    for row in table:
        cells = (cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(row[:4]))
        out("  ".join(cells) + "  " + row[4])
    return EXIT_OK


def validate(args: argparse.Namespace) -> int:
    from workbook.packs.fixes import Source
    from workbook.packs.library import Library, pack_files
    from workbook.packs.load import load_pack
    from workbook.packs.locate import Position
    from workbook.packs.problems import ERROR, Problem
    from workbook.packs.report import as_data, full

    files: list[Path] = []
    for path in args.paths:
        if path.is_dir():
            files += pack_files(path)
        elif path.exists():
            files.append(path)
        else:
            raise Fatal(f"{path}: no such file or folder")
    checked = Library()
    found: list[Problem] = []
    printed = 0
    for file in dict.fromkeys(files):
        loaded = load_pack(file)
        before = len(checked.notes)
        checked.add(loaded)
        notes = [Problem(file, Position(1, 1), (), note) for note in checked.notes[before:]]
        shown = [*loaded.problems, *loaded.warnings, *notes]
        found += shown
        if args.format == "json":
            continue
        source = Source(loaded.raw.decode("utf-8-sig", "replace")) if loaded.raw else None
        for problem in shown:
            if args.format == "full":
                # A blank line between problems, as compilers leave.
                out(("\n" if printed else "") + full(problem, source))
            else:
                out(str(problem))
            printed += 1
    if args.format == "json":
        out(json.dumps([as_data(p) for p in found], indent=2, ensure_ascii=False))
    errors = sum(1 for p in found if p.severity == ERROR)
    warnings = len(found) - errors
    checked_files = len(dict.fromkeys(files))
    said = count(errors, "problem") if errors else "no problems"
    if warnings:
        said += f", {count(warnings, 'warning')}"
    err(f"{count(checked_files, 'pack file')} checked: {said}")
    return EXIT_PROBLEMS if errors or (warnings and args.strict) else EXIT_OK


def schema(args: argparse.Namespace) -> int:
    from workbook.packs.schema import pack_schema

    out(json.dumps(pack_schema(), indent=2))
    return EXIT_OK


def try_pack(args: argparse.Namespace) -> int:
    pack = args.pack
    if pack.is_dir():
        from workbook.packs.library import pack_files

        found = pack_files(pack)
        if not found:
            raise Fatal(f"{pack}: no pack files (*.toml) in this folder")
        if len(found) > 1:
            listed = "\n".join(f"  workbook try {file}" for file in found)
            raise Fatal(f"{pack} holds {len(found)} packs; try one of them:\n{listed}")
        pack = found[0]
    elif not pack.is_file():
        raise Fatal(f"{pack}: no such pack file or folder")
    from workbook.tui.trying import try_pack

    try_pack(pack)
    return EXIT_OK
