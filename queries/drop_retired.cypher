// Drop the graph a load replaced (relabelled Retired* by switch_graph), in small transactions;
// credentials first, as in clear_staged.
CALL () {
  MATCH (n:RetiredCredential) RETURN n
  UNION ALL
  MATCH (n:RetiredFramework) RETURN n
  UNION ALL
  MATCH (n:RetiredLevel) RETURN n
  UNION ALL
  MATCH (n:RetiredProvider) RETURN n
  UNION ALL
  MATCH (n:RetiredSkill) RETURN n
  UNION ALL
  MATCH (n:RetiredToken) RETURN n
  UNION ALL
  MATCH (n:RetiredOutcomeKey) RETURN n
  UNION ALL
  MATCH (n:RetiredListingCount) RETURN n
}
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS
