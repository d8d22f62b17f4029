"""Days typed for homework and appointments in the couple's language: the weekday names (CLDR's)
and "today" and "tomorrow" (the catalog's) of the language being spoken, beside English, read
without case, accents or Arabic vowel marks; a refusal in that language too."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import get_day_names

from workbook.i18n.catalog import speaking
from workbook.service.errors import Refused
from workbook.service.when import parse_day, parse_when

MONDAY = date(2026, 11, 23)
FRIDAY = date(2026, 11, 27)
TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize("language", ["es", "ar"])
def test_every_weekday_of_the_language_is_the_next_such_day(language: str) -> None:
    with speaking(language):
        for number, name in get_day_names("wide", "format", locale=language).items():
            day = parse_day(name, MONDAY)
            assert day.weekday() == number
            assert 1 <= (day - MONDAY).days <= 7


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("viernes", FRIDAY),
        ("Viernes", FRIDAY),
        ("miércoles", date(2026, 11, 25)),
        ("miercoles", date(2026, 11, 25)),
        ("sabado", date(2026, 11, 28)),
        ("hoy", MONDAY),
        ("mañana", TUESDAY),
        ("manana", TUESDAY),
        ("friday", FRIDAY),
        ("tomorrow", TUESDAY),
    ],
)
def test_spanish_days_as_people_type_them(typed: str, meant: date) -> None:
    with speaking("es"):
        assert parse_day(typed, MONDAY) == meant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("الجمعة", FRIDAY),
        ("جمعة", FRIDAY),
        ("يوم الجمعة", FRIDAY),
        ("الإثنين", date(2026, 11, 30)),
        ("الاثنين", date(2026, 11, 30)),
        ("الأحد", date(2026, 11, 29)),
        ("الاحد", date(2026, 11, 29)),
        ("اليوم", MONDAY),
        ("غدًا", TUESDAY),
        ("غدا", TUESDAY),
        ("friday", FRIDAY),
    ],
)
def test_arabic_days_as_people_type_them(typed: str, meant: date) -> None:
    with speaking("ar"):
        assert parse_day(typed, MONDAY) == meant


def test_a_day_and_a_time_in_the_language() -> None:
    with speaking("es"):
        at = parse_when("viernes 18:30", MONDAY)
        assert (at.date(), at.hour, at.minute) == (FRIDAY, 18, 30)
        assert parse_when("Mañana 09:00", MONDAY).date() == TUESDAY
    with speaking("ar"):
        at = parse_when("يوم الجمعة 18:30", MONDAY)
        assert (at.date(), at.hour, at.minute) == (FRIDAY, 18, 30)
    # A capital T of a word is not the T between a date and a time.
    assert parse_when("Tomorrow 09:00", MONDAY).date() == TUESDAY


def test_other_languages_days_are_not_read_and_the_refusal_speaks_the_language() -> None:
    # English (the command line): another language's day is not a day.
    with pytest.raises(Refused) as refused:
        parse_day("viernes", MONDAY)
    assert "is not a day" in refused.value.message
    with speaking("es") as spanish, pytest.raises(Refused) as refused:
        parse_day("vendredi", MONDAY)
    # The message stays English (the command line's); a screen says it in its language.
    assert "is not a day" in refused.value.message
    assert "vendredi" in refused.value.said(spanish)
    assert "is not a day" not in refused.value.said(spanish)
    with speaking("ar"), pytest.raises(Refused):
        parse_day("viernes", MONDAY)
