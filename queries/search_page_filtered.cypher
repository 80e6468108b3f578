// search_page with filters or credentials out of date ($skip): the same statement but for
// the holders' WHERE, which costs a third of the statement even when every filter is null.
// One page of search results, ranked here so only the page leaves the database.
// $titles: [node id, score] of the credentials whose best title matched (filters passed);
// $skills: the matched skills, $scores their scores.
// A credential's score is the best of its title's and its skills' (each skill's holders
// passing the filters and not in $skip).
// Returns how many matched, and the next $take after ($after_score, $after_id) by score
// descending then id, with their properties (search texts left out), node ids and the labels of the
// matched skills each holds (the page says which text matched).
// Credentials are grouped as nodes and by score first: reading a property of every holder
// costs several times the traversal, so only the bands a page reaches read their ids.
CALL () {
  UNWIND $titles AS t
  MATCH (c:Credential)
  WHERE id(c) = t[0]
  RETURN c, t[1] AS score
  UNION ALL
  UNWIND range(0, size($skills) - 1) AS r
  // Only credentials hold skills: checking the label would cost a fifth of the statement.
  MATCH (:Skill {id: $skills[r]})<-[:HAS_SKILL]-(c)
  WHERE ($country IS NULL OR c.country = $country)
    AND ($kind IS NULL OR c.kind = $kind)
    AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
    AND NOT c.id IN $skip
  RETURN c, $scores[r] AS score
}
WITH c, max(score) AS score
WITH score, collect(c) AS members
ORDER BY score DESC
WITH collect([score, members]) AS bands
WITH
  reduce(n = 0, b IN bands | n + size(b[1])) AS total,
  [b IN bands WHERE $after_score IS NULL OR b[0] <= $after_score
    | CASE WHEN b[0] = $after_score THEN [b[0], [m IN b[1] WHERE m.id > $after_id]] ELSE b END
  ] AS rest
CALL (rest) {
  // The bands before which fewer than $take rows come: the page lies in them.
  UNWIND [i IN range(0, size(rest) - 1)
    WHERE reduce(n = 0, b IN rest[0..i] | n + size(b[1])) < $take] AS i
  UNWIND rest[i][1] AS c
  WITH rest[i][0] AS score, c, c.id AS id
  ORDER BY score DESC, id
  LIMIT $take
  RETURN collect([
    score,
    c {.*, search_text: null, search_texts: null, search_facets: null},
    id(c),
    [(c)-[:HAS_SKILL]->(s:Skill) WHERE s.id IN $skills | [s.id, s.search_texts]]
  ]) AS page
}
RETURN total, page
