// The skills among $ids that exist.
UNWIND $ids AS id
MATCH (s:Skill {id: id})
RETURN collect(s) AS rows
