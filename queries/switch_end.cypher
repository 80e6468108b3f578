// The relabelling is complete: readers and writes may go on, on the new graph.
MATCH (s:PathwaysMeta {key: 'switch'})
REMOVE s.phase
