"""What the command line prints, and how it ends: exit codes, ``Fatal``, and text cleaned of
escape codes before it reaches a terminal."""

from __future__ import annotations

import sys
from typing import TextIO

from workbook.text import clean

EXIT_OK, EXIT_PROBLEMS, EXIT_FATAL = 0, 1, 2


class Fatal(Exception):
    """A user error that ends the command with exit code 2 and a message."""


def say(stream: TextIO, text: str) -> None:
    # Paths, keys and names can come from hostile files: no escape code reaches the terminal.
    print(clean(text), file=stream)


def out(text: str) -> None:
    say(sys.stdout, text)


def err(text: str) -> None:
    say(sys.stderr, text)


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"
