"""GraphQL object types, each built from a model value by `from_model()`.

`catalogue` holds frameworks, levels, credentials and their parts; `stacking` the
plans; `equivalence` matches and quality reports.
"""
