// Each skill's `holders`: the node ids (id()) of the credentials holding it, which search
// reads instead of expanding every holder of every matched skill (search_page).  Kept by
// link_skills and merge_credentials in the writing transaction; built here for a load's
// staged skills (run staged, before the switch) and, once, for the skills of a graph
// loaded before they existed (run when the store opens: only skills without them).
// id() is deprecated in Neo4j 5 in favour of elementId(), a string: a list of integers
// ships and compares at a fraction of the cost, and a node keeps its id while it lives
// (credentials are only deleted with their whole graph, whose skills go with them).
MATCH (s:Skill)
WHERE s.holders IS NULL
CALL (s) {
  // the write lock first, so a write linking the skill meanwhile is read after it commits
  SET s.holders = []
  WITH s
  SET s.holders = [(s)<-[:HAS_SKILL]-(c:Credential) | id(c)]
} IN TRANSACTIONS OF 1000 ROWS
