// Every skill (snapshot): id and labels only (not the holders search keeps on it).
MATCH (s:Skill)
RETURN collect(s {.id, .labels}) AS rows
