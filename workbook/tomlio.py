"""Reading and writing TOML, in one place.

Python 3.14's ``tomllib`` and ``tomli`` 2.1 and later both put the line and column on their parse
errors, which the located error messages need; older ``tomllib`` versions do not.
"""

from __future__ import annotations

import sys
from typing import Any

import tomli_w

if sys.version_info >= (3, 14):  # pragma: no cover - depends on the Python version
    import tomllib as _reader
else:  # pragma: no cover
    import tomli as _reader

TOMLDecodeError = _reader.TOMLDecodeError


def loads(text: str) -> dict[str, Any]:
    """Parse a TOML document."""
    return _reader.loads(text)


def dumps(data: dict[str, Any]) -> str:
    """Write ``data`` as a TOML document, with multi-line strings where a value has newlines."""
    return tomli_w.dumps(data, multiline_strings=True)
