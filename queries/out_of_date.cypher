// Credentials not valid on $day (asOf): valid_from after it or valid_until before it, with
// the facets a listing filters on and the node id (search leaves those out of its hits);
// both bounds are range-indexed (schema).
CALL () {
  MATCH (c:Credential)
  WHERE c.valid_from > $day
  RETURN c
  UNION
  MATCH (c:Credential)
  WHERE c.valid_until < $day
  RETURN c
}
RETURN collect([c.id, c.country, c.kind, coalesce(c.eqf, []), id(c)]) AS rows
