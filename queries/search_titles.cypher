// The titles of the search shortlist's contenders (store.neo4j.idorder), by node id: each
// one's id, node id and normalised texts ("\n"-joined), as search_shortlist returns titles.
UNWIND $nodes AS node
MATCH (c:Credential)
WHERE id(c) = node
RETURN collect([c.id, node, c.search_text]) AS titles
