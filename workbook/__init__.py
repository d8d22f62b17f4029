"""workbook: a terminal workbook for guided conversations between two partners."""

__version__ = "0.1.0"
