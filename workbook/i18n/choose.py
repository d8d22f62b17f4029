"""Which language the app speaks (Home, the caseload, the console, the case record), where no
couple's ``language`` decides (DESIGN.md section 3.13).

In order: ``language`` in settings.toml, else ``--lang`` (which the command line passes on as
``$WORKBOOK_LANG``, so that the windows ``workbook serve`` starts speak it too), else the locale
of the environment (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first one set, as gettext reads
them), else English. A value that is not a language tag (a hand-edited file may hold anything)
is passed over; "C" and "POSIX" are the plain locale, English. A tag the workbook has no
catalog for is kept here, and spoken as English by ``translations``.
"""

from __future__ import annotations

from collections.abc import Mapping

from workbook.i18n.tags import SOURCE, normalize

COMMAND_LINE = "WORKBOOK_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_PLAIN = frozenset({"C", "POSIX"})


def from_locale(environ: Mapping[str, str]) -> str | None:
    """The language of the environment's locale ("es" for "es_ES.UTF-8"), English for the
    plain locale, None when no variable is set."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "").strip()
        if not value:
            continue
        if value.split(".")[0] in _PLAIN:
            return SOURCE
        return normalize(value)
    return None


def app_language(setting: object, environ: Mapping[str, str]) -> str:
    """The app's language tag: ``setting`` (settings.toml ``language``), else the command line's
    ``--lang`` (``$WORKBOOK_LANG`` in ``environ``), else the locale, else English."""
    for found in (setting, environ.get(COMMAND_LINE)):
        tag = normalize(found) if isinstance(found, str) else None
        if tag is not None:
            return tag
    return from_locale(environ) or SOURCE
