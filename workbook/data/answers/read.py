"""A read step has no answer; its table stays empty (and anything in it is kept)."""

from __future__ import annotations

from typing import ClassVar

from workbook.data.answers.base import StepAnswer


class NoAnswer(StepAnswer):
    has_answer: ClassVar[bool] = False
