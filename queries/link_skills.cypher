// Credential -> a skill of its outcomes: pairs of [credential, skill].
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MATCH (s:Skill {id: pair[1]})
MERGE (c)-[:HAS_SKILL]->(s)
