// A page of one country's credentials by id after $after (keyset, through the
// (country, id) index, stopping at $take), other filters checked on the way; and the count, from its counter.
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
  // Kept by every write and load (listing_count_put, listing_counts): no credential read.
  OPTIONAL MATCH (k:ListingCount {key: coalesce($country, '*') + '|' + coalesce($kind, '*') + '|' + coalesce(toString($eqf), '*')})
  RETURN coalesce(k.n, 0) AS total
}
RETURN page, total
