// A page of one kind's credentials by id after $after (keyset, through the (kind, id)
// index, stopping at $take), optionally of one EQF level; and the count.
CALL () {
  MATCH (c:Credential)
  USING INDEX c:Credential(kind, id)
  WHERE c.kind = $kind AND c.id > $after
    AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  WITH c
  // Ordering by both keys lets the composite index give the order (one kind anyway).
  ORDER BY c.kind, c.id
  LIMIT $take
  RETURN collect(c) AS page
}
CALL () {
  MATCH (c:Credential)
  USING INDEX c:Credential(kind)
  WHERE c.kind = $kind AND ($eqf IS NULL OR $eqf IN coalesce(c.eqf, []))
  RETURN count(c) AS total
}
RETURN page, total
