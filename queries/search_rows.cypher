// Credentials passing the search filters, with the normalised texts fuzzy matching scores.
MATCH (c:Credential)
WHERE ($country IS NULL OR c.country = $country)
  AND ($kind IS NULL OR c.kind = $kind)
OPTIONAL MATCH (c)-[:AT_LEVEL]->(l:Level)
WITH c, l
WHERE $eqf IS NULL OR $eqf IN coalesce(l.eqf, [])
RETURN collect({id: c.id, title: c.search_title, body: c.search_body}) AS rows
