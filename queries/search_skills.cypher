// Every skill's id, node id and labels (JSON), for the index a replica keeps per load
// (store.neo4j.skillsearch): at most $limit + 1 rows, so a taxonomy past what a replica
// keeps is seen as such without reading it all.
MATCH (s:Skill)
WITH s
LIMIT $limit + 1
RETURN collect([s.id, id(s), s.labels]) AS rows
