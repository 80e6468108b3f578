// Credentials: rows of {id, props}; drops their outgoing links so link_* can redraw them.
// RECOGNISED_AS is kept: a decision outlives a new version of its credential.
UNWIND $rows AS row
MERGE (c:Credential {id: row.id})
SET c = row.props
WITH c
OPTIONAL MATCH (c)-[r:REQUIRES|PREREQUISITE|HAS_SKILL|AT_LEVEL|OFFERED_BY|HAS_TOKEN|OWNS_OUTCOME]->()
DELETE r
