// The skills among $ids that exist: id and labels only (not the holders search keeps on it).
UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN collect(s {.id, .labels}) AS rows
