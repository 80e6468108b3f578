// Titles to draw a replica's heating searches from (store.neo4j.heating): the normalised
// texts of the first $limit credentials the database finds, whichever they are.
MATCH (c:Credential)
WITH c
LIMIT $limit
RETURN collect(c.search_text) AS texts
