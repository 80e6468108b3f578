// Where loads stand: how many switches have begun, and the phase of one under way (null
// when none is).  Readers compare it before and after a read (see store.neo4j.switch).
OPTIONAL MATCH (s:PathwaysMeta {key: 'switch'})
RETURN s.generation AS generation, s.phase AS phase
