// Record that every live node is retired: the promoting phase may begin.
MATCH (s:PathwaysMeta {key: 'switch'})
SET s.phase = $phase
