// Ids of credentials whose rules name a held credential or anything it is recognised as.
UNWIND $held AS hid
MATCH (h:Credential {id: hid})
OPTIONAL MATCH (h)-[:RECOGNISED_AS]->(r:Credential)
WITH collect(DISTINCT h) + collect(DISTINCT r) AS named
UNWIND named AS n
MATCH (q:Credential)-[:REQUIRES]->(n)
RETURN DISTINCT q.id AS id
