// Credential -> a skill of its outcomes: pairs of [credential, skill].
// A skill with packed holders (see skill_holders) lists the credential as gained; a skill
// without (a load's, packed after its links; or one skill_holders has not reached yet)
// is left so.
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MATCH (s:Skill {id: pair[1]})
MERGE (c)-[:HAS_SKILL]->(s)
WITH c, s, s.held IS NULL AS unpacked
SET s.held_plus = CASE WHEN unpacked THEN null
                  ELSE [h IN coalesce(s.held_plus, []) WHERE h <> id(c)] + id(c) END,
    s.held_minus = CASE WHEN unpacked THEN null
                   ELSE [h IN coalesce(s.held_minus, []) WHERE h <> id(c)] END
