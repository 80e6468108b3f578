// One page of search results without filters: Python ranked every match from the title
// scores and the matched skills' holders (skill_holders) and counted them; $candidates
// holds [node id, score] of the bands the page can reach (every member: ties go by id).
// Returns the next $take after ($after_score, $after_id) by score descending then id,
// with their properties (search texts left out), node ids (titles are scored by node)
// and the labels of the matched skills ($skills) each holds (the page says which text
// matched).
UNWIND $candidates AS cand
MATCH (c:Credential)
WHERE id(c) = cand[0]
WITH c, cand[1] AS score, c.id AS id
WHERE $after_score IS NULL OR score < $after_score OR id > $after_id
ORDER BY score DESC, id
LIMIT $take
RETURN collect([
  score,
  c {.*, search_text: null, search_texts: null, search_facets: null},
  id(c),
  [(c)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $skills | [s.id, s.search_texts]]
]) AS page
