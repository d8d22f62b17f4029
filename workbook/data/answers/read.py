"""A read step has no answer; its table stays empty (and anything in it is kept)."""

from __future__ import annotations

from workbook.data.answers.base import StepAnswer


class NoAnswer(StepAnswer):
    pass
