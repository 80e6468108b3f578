// Credential -> its framework level: pairs of [credential, level key].  The level's EQF
// references are copied onto the credential (levels change only with a whole new graph),
// so shortlist and search read a property instead of expanding a dense node, and join
// the search facets (merge_credentials set the country and kind ones).
UNWIND $pairs AS pair
MATCH (c:Credential {id: pair[0]})
MATCH (l:Level {key: pair[1]})
MERGE (c)-[:AT_LEVEL]->(l)
SET c.eqf = l.eqf,
    c.search_facets = c.search_facets + reduce(f = '', e IN l.eqf | f + ' e_' + toString(e))
