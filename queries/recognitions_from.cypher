// Recorded decisions whose `from` is $id.
MATCH (a:Credential {id: $id})-[r:RECOGNISED_AS]->(b:Credential)
RETURN a.id AS from, b.id AS to, properties(r) AS recognition
