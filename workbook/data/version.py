"""The data format this workbook writes; kept apart so that reading it loads nothing else."""

FORMAT = 1
