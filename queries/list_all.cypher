// A page of credentials by id after $after (keyset, through the id index, stopping at
// $take), optionally of one EQF level; and how many pass (the count store when unfiltered).
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
  MATCH (c:Credential)
  RETURN count(c) AS everything
}
CALL () {
  // Start from the few levels: with statistics of a loaded graph the planner would
  // otherwise scan every credential and expand towards its level.
  MATCH (l:Level)
  USING SCAN l:Level
  WHERE $eqf IN l.eqf
  MATCH (l)<-[:AT_LEVEL]-(c:Credential)
  RETURN count(DISTINCT c) AS at_level
}
RETURN page, CASE WHEN $eqf IS NULL THEN everything ELSE at_level END AS total
