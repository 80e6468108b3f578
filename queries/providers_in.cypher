// The providers of the countries $ids (upper-cased codes): what a document's awarding
// bodies are matched against by name.
MATCH (p:Provider)
WHERE toUpper(p.country) IN $ids
RETURN collect(p) AS rows
