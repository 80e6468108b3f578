// The credentials of the given shapes other than the ids already held (equivalence reach),
// as property maps without search texts (the skills they name come from reads.LoadCache).
UNWIND $shapes AS shape
MATCH (c:Credential {shape: shape})
WHERE NOT c.id IN $known
WITH c
ORDER BY c.id
RETURN collect(c {.id, .kind, .title, .country, .language, .provider, .level_framework, .level_code, .ects, .hours, .assessment, .participation, .quality_assurance, .valid_from, .valid_until, .outcomes, .prerequisites, .requirements, .extra}) AS credentials
