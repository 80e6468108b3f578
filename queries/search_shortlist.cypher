// Search shortlist from the full-text indexes: one Lucene query per query word, its clauses
// plus the filters as facet terms, and of each the node id of every title it matched
// (`hits`), which the replica caps by most words matched, ties by id, in the id order it
// keeps per load (store.neo4j.idorder): reading each hit's id here grew with the graph.
// A search with filters sends them as $filtered_queries, which check the filters again (a
// facet term folds case and drops punctuation, a filter does neither); one without, as
// $hit_queries, which do not (the check costs a third of the block even with no filter).
// Skills from $skill_queries the same way, capped here, empty when the replica scored the
// skills itself (see skillsearch; search_titles then reads the scored skills' holders).
// Labels come as their normalised texts only ("\n"-joined): enough to score; with their
// holders (see skill_holders: packed, and the lists writes keep) when $holders asks
// (search_page ranks by them), else null.
CALL () {
  UNWIND $hit_queries AS q
  CALL db.index.fulltext.queryNodes('pathways_credential_text', q)
  YIELD node
  RETURN collect(id(node)) AS hits
}
CALL () {
  UNWIND $filtered_queries AS q
  CALL db.index.fulltext.queryNodes('pathways_credential_text', q)
  YIELD node
  WHERE ($country IS NULL OR node.country = $country)
    AND ($kind IS NULL OR node.kind = $kind)
    AND ($eqf IS NULL OR $eqf IN coalesce(node.eqf, []))
  RETURN collect(id(node)) AS filtered_hits
}
CALL () {
  UNWIND $skill_queries AS q
  CALL db.index.fulltext.queryNodes('pathways_skill_text', q)
  YIELD node
  WITH node, count(*) AS covered
  WITH node, covered, node.id AS id
  ORDER BY covered DESC, id
  LIMIT $cap
  RETURN collect([
    id,
    node.search_text,
    CASE
      WHEN NOT $holders THEN null
      // a skill skill_holders has not packed yet (a replica still opening)
      WHEN node.held IS NULL THEN [(node)<-[:HAS_SKILL]-(c:Credential) | id(c)]
      ELSE node.held
    END,
    node.held_plus,
    node.held_minus
  ]) AS labels
}
RETURN hits + filtered_hits AS hits, labels
