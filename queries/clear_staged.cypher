// Drop what a failed load left staged, in small transactions so no heap limit is reached.
// Credentials come first: they hold nearly every relationship, so a token deleted later
// has none left and no inner transaction grows with the graph.
CALL () {
  MATCH (n:StagedCredential) RETURN n
  UNION ALL
  MATCH (n:StagedFramework) RETURN n
  UNION ALL
  MATCH (n:StagedLevel) RETURN n
  UNION ALL
  MATCH (n:StagedProvider) RETURN n
  UNION ALL
  MATCH (n:StagedSkill) RETURN n
  UNION ALL
  MATCH (n:StagedToken) RETURN n
  UNION ALL
  MATCH (n:StagedOutcomeKey) RETURN n
  UNION ALL
  MATCH (n:StagedListingCount) RETURN n
}
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS
