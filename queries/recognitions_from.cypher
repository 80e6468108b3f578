// Recorded decisions whose `from` is one of $ids.
UNWIND $ids AS id
MATCH (a:Credential {id: id})-[r:RECOGNISED_AS]->(b:Credential)
RETURN collect({from: a.id, to: b.id, recognition: properties(r)}) AS rows
