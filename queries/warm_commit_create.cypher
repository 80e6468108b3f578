// The commit warm-up's first transaction: two nodes under a label no read looks at, a
// relationship between them and a text the warm-up's own full-text index holds.
CREATE (w:PathwaysWarmUp {key: $key, text: $text, at: datetime()})
CREATE (w)-[:WARM_UP]->(:PathwaysWarmUp {key: $key + '/to', at: datetime()})
