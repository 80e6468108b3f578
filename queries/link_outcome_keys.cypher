// Credential -> the outcome ids it sets by hand: pairs of [credential, outcome id].
// Generated ids ('<id>#o<n>') need no key: their owner is read off the id.
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MERGE (k:OutcomeKey {id: pair[1]})
MERGE (c)-[:OWNS_OUTCOME]->(k)
