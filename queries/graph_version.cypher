// The graph's change count (null before the first load or write).
OPTIONAL MATCH (m:PathwaysMeta {key: 'graph'})
RETURN m.version AS version
