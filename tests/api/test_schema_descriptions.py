"""GraphiQL's docs pane: every root field and every argument of it says what it is for."""

from __future__ import annotations

import graphql

from pathways.api.schema import build_schema


def test_every_query_and_mutation_field_and_argument_is_described() -> None:
    printed = graphql.build_schema(build_schema().as_str())
    undescribed: list[str] = []
    for root in (printed.query_type, printed.mutation_type):
        assert root is not None
        for name, field in root.fields.items():
            if not (field.description or "").strip():
                undescribed.append(f"{root.name}.{name}")
            undescribed += [
                f"{root.name}.{name}({arg_name})"
                for arg_name, arg in field.args.items()
                if not (arg.description or "").strip()
            ]
    assert undescribed == []
