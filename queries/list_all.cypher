// A page of credentials by id after $after (keyset, through the id index, stopping at
// $take), optionally of one EQF level; and how many pass, from its counter.
CALL () {
  MATCH (c:Credential)
  USING INDEX c:Credential(id)
  WHERE c.id > $after AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  WITH c
  ORDER BY c.id
  LIMIT $take
  RETURN collect(c) AS page
}
CALL () {
  // Kept by every write and load (listing_count_put, listing_counts): no credential read.
  OPTIONAL MATCH (k:ListingCount {key: coalesce($country, '*') + '|' + coalesce($kind, '*') + '|' + coalesce(toString($eqf), '*')})
  RETURN coalesce(k.n, 0) AS total
}
RETURN page, total
