"""The JSON Schema of the pack format, made from the models, for editors and tools."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from workbook.packs.models import FORMAT, Pack

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _TomlSchema(GenerateJsonSchema):
    """TOML has no null: an optional key is simply left out, so the schema never offers null."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        generated = super().default_schema(schema)
        if generated.get("default", ...) is None:
            del generated["default"]
        return generated


def pack_schema() -> dict[str, Any]:
    """The JSON Schema that a pack file (read as TOML) satisfies."""
    schema = Pack.model_json_schema(by_alias=True, schema_generator=_TomlSchema)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"workbook exercise pack, format {FORMAT}",
        **{key: value for key, value in schema.items() if key != "title"},
    }
