// Recorded decisions, one per (from, to): rows of {from, to, props}.
UNWIND $rows AS row
MATCH (a:Credential {id: row.from})
MATCH (b:Credential {id: row.to})
MERGE (a)-[r:RECOGNISED_AS]->(b)
SET r = row.props
