// Every credential's node id, by ascending credential id: the order a replica keeps per
// load to cap search's title shortlist without reading each hit's id (store.neo4j.idorder).
// The id index serves the order, so nothing is sorted and no property leaves the database.
MATCH (c:Credential)
WHERE c.id IS NOT NULL
WITH c
ORDER BY c.id
RETURN collect(id(c)) AS nodes
