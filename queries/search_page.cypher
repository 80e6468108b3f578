// One band of search results and, on a search's first band, the count of every match.
// $titles: [id, score] of the credentials whose best title matched (filters passed);
// $skills: the matched skills; $title_score and $skill_score: the scores by id.
// A credential's score is the best of its title's and its skills' (every
// holder of a skill: no filters here, see search_page_filtered).
// total (when $with_total): the credentials holding a matched skill, counted distinct (no
// grouping by score: a page never needs every holder's score), plus the matched titles
// holding none. page: the next $take credentials scoring exactly $score (found among the
// $band_titles and the holders of the $band_skills scoring that), by id after
// $after_id, with their properties (search texts left out) and the labels of the matched
// skills each holds. Python asks band after band, best first, until a page is full, so
// only the bands a page reaches read their credentials' ids.
CALL () {
  UNWIND CASE WHEN $with_total THEN $skills ELSE [] END AS sid
  // Only credentials hold skills: checking the label would cost a fifth of the statement.
  MATCH (:Skill {id: sid})<-[:HAS_SKILL]-(c)
  RETURN count(DISTINCT c) AS held
}
CALL () {
  UNWIND CASE WHEN $with_total THEN $titles ELSE [] END AS t
  MATCH (c:Credential {id: t[0]})
  WHERE NOT EXISTS { MATCH (c)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $skills }
  RETURN count(c) AS own
}
CALL () {
  CALL () {
    UNWIND $band_titles AS id
    MATCH (c:Credential {id: id})
    RETURN c
    UNION
    UNWIND $band_skills AS sid
    MATCH (:Skill {id: sid})<-[:HAS_SKILL]-(c)
    RETURN c
  }
  WITH c, c.id AS id
  WHERE ($after_id IS NULL OR id > $after_id)
    AND coalesce($title_score[id], 0.0) <= $score
    AND NOT EXISTS { MATCH (c)-[:HAS_SKILL]->(s:Skill) WHERE $skill_score[s.id] > $score }
  WITH c, id
  ORDER BY id
  LIMIT $take
  RETURN collect([
    c {.*, search_text: null, search_texts: null, search_facets: null},
    [(c)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $skills | [s.id, s.search_texts]]
  ]) AS page
}
RETURN held + own AS total, page
