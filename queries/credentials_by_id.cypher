// The credentials among $ids that exist.
UNWIND $ids AS id
MATCH (c:Credential {id: id})
RETURN collect(c) AS credentials
