// A page of one country's credentials by id after $after (keyset, through the
// (country, id) index, stopping at $take), other filters checked on the way; and the count.
CALL () {
  MATCH (c:Credential)
  USING INDEX c:Credential(country, id)
  WHERE c.country = $country AND c.id > $after
    AND ($kind IS NULL OR c.kind = $kind)
    AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  WITH c
  // Ordering by both keys lets the composite index give the order (one country anyway).
  ORDER BY c.country, c.id
  LIMIT $take
  RETURN collect(c) AS page
}
CALL () {
  MATCH (c:Credential)
  USING INDEX c:Credential(country)
  WHERE c.country = $country
    AND ($kind IS NULL OR c.kind = $kind)
    AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  RETURN count(c) AS total
}
RETURN page, total
