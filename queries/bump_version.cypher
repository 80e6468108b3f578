// Count one more change to the graph, inside the writing transaction; the new number.
// Snapshots are cached per version, so a change from any replica invalidates them.
// Also whether a load's switch is under way (read after this write's own changes, so a
// switch that began before they could collide is seen): the write then rolls back.
MERGE (m:PathwaysMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
WITH m
OPTIONAL MATCH (s:PathwaysMeta {key: 'switch'})
RETURN m.version AS version, s.phase AS switching
