"""The interface's languages: tags, catalogs, plural forms, dates and right-to-left layout.

Below every layer that shows or writes words (packs, data, logic, export, the faces), above
only the ground (text, tomlio, reading). Nothing here is process-global: a ``Translations``
object is passed to whatever speaks, so that two couples in two languages can share a process.
"""
