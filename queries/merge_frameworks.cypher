// Frameworks with their levels in order: rows of {props, levels: [{props}]}.
UNWIND $rows AS row
MERGE (f:Framework {code: row.props.code})
SET f = row.props
WITH f, row
UNWIND row.levels AS level
MERGE (l:Level {key: level.key})
SET l = level
MERGE (f)-[:HAS_LEVEL]->(l)
