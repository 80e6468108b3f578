// Each skill's packed holders (skill_holders): rows of [skill node id, bytes].  The list
// the previous format kept goes.
UNWIND $rows AS row
MATCH (s)
WHERE id(s) = row[0]
SET s.held = row[1]
REMOVE s.holders
