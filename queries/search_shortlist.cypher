// Search shortlist from the full-text indexes, capped as the embedded index caps: one Lucene
// query per query word ($credential_queries: its clauses plus the filters as facet terms;
// $skill_queries, empty when the replica scored the skills itself, see skillsearch), and of
// the owners found, the $cap holding most query words, ties by id.  With `held`, the
// holders of the skills the replica scored ($skills: their node ids).
// Credentials pass the filters (checked again here) and are not among $skip (out of date).
// Titles and labels come as their normalised texts only ("\n"-joined): enough to score;
// titles with their node ids, and labels with their holders (see skill_holders: packed,
// and the lists writes keep) when $holders asks (search_page ranks by them), else null.
CALL () {
  UNWIND $credential_queries AS q
  CALL db.index.fulltext.queryNodes('pathways_credential_text', q)
  YIELD node
  WHERE ($country IS NULL OR node.country = $country)
    AND ($kind IS NULL OR node.kind = $kind)
    AND ($eqf IS NULL OR $eqf IN coalesce(node.eqf, []))
    AND NOT node.id IN $skip
  WITH node, count(*) AS covered
  WITH node, covered, node.id AS id
  ORDER BY covered DESC, id
  LIMIT $cap
  RETURN collect([id, id(node), node.search_text]) AS titles
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
CALL () {
  UNWIND $skills AS skill
  MATCH (s:Skill)
  WHERE id(s) = skill
  RETURN collect([
    skill,
    CASE
      WHEN s.held IS NULL THEN [(s)<-[:HAS_SKILL]-(c:Credential) | id(c)]
      ELSE s.held
    END,
    s.held_plus,
    s.held_minus
  ]) AS held
}
RETURN titles, labels, held
