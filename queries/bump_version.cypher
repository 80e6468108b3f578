// Count one more change to the graph, inside the writing transaction; the new number.
// Snapshots are cached per version, so a change from any replica invalidates them.
MERGE (m:PathwaysMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
RETURN m.version AS version
