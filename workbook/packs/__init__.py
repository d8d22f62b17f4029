"""The exercise pack format: models, loading with located errors, the library, the JSON Schema."""

from workbook.packs.library import Library, load_library
from workbook.packs.load import LoadedPack, load_pack
from workbook.packs.models import KINDS, Pack, Step
from workbook.packs.problems import Problem

__all__ = ["KINDS", "Library", "LoadedPack", "Pack", "Problem", "Step", "load_library", "load_pack"]
