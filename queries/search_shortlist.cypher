// Search shortlist from the full-text indexes: credentials whose titles hold a query word
// (filters in $credential_query as facet terms, and checked again here), and skills whose
// labels do; at most $cap of each, with the texts to score.
CALL () {
  CALL db.index.fulltext.queryNodes('pathways_credential_text', $credential_query, {limit: $cap})
  YIELD node
  WHERE ($country IS NULL OR node.country = $country)
    AND ($kind IS NULL OR node.kind = $kind)
    AND ($eqf IS NULL OR $eqf IN coalesce(node.eqf, []))
  RETURN collect([node.id, node.search_texts]) AS titles
}
CALL () {
  CALL db.index.fulltext.queryNodes('pathways_skill_text', $skill_query, {limit: $cap})
  YIELD node
  RETURN collect([node.id, node.search_texts]) AS labels
}
RETURN titles, labels
