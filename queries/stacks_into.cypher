// Credentials whose requirement rules name each of $ids, by the id they name.
UNWIND $ids AS id
MATCH (q:Credential)-[:REQUIRES]->(:Credential {id: id})
WITH id, collect(DISTINCT q) AS credentials
RETURN collect({id: id, credentials: credentials}) AS rows
