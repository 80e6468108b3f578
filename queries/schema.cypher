// Uniqueness constraints (each backs an index) and the indexes the reads use; idempotent.
CREATE CONSTRAINT pathways_credential_id IF NOT EXISTS FOR (c:Credential) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT pathways_framework_code IF NOT EXISTS FOR (f:Framework) REQUIRE f.code IS UNIQUE;
CREATE CONSTRAINT pathways_level_key IF NOT EXISTS FOR (l:Level) REQUIRE l.key IS UNIQUE;
CREATE CONSTRAINT pathways_provider_id IF NOT EXISTS FOR (p:Provider) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT pathways_skill_id IF NOT EXISTS FOR (s:Skill) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT pathways_token_value IF NOT EXISTS FOR (t:Token) REQUIRE t.value IS UNIQUE;
CREATE CONSTRAINT pathways_outcome_key IF NOT EXISTS FOR (k:OutcomeKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT pathways_meta_key IF NOT EXISTS FOR (m:PathwaysMeta) REQUIRE m.key IS UNIQUE;
// The listing's counters (write_credential): unique, so two writes making one take turns.
CREATE CONSTRAINT pathways_listing_count_key IF NOT EXISTS FOR (k:ListingCount) REQUIRE k.key IS UNIQUE;
// A load writes a staged copy first (see switch_graph): its merges seek these.
CREATE CONSTRAINT pathways_staged_credential_id IF NOT EXISTS FOR (n:StagedCredential) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pathways_staged_framework_code IF NOT EXISTS FOR (n:StagedFramework) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT pathways_staged_level_key IF NOT EXISTS FOR (n:StagedLevel) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT pathways_staged_provider_id IF NOT EXISTS FOR (n:StagedProvider) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pathways_staged_skill_id IF NOT EXISTS FOR (n:StagedSkill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pathways_staged_token_value IF NOT EXISTS FOR (n:StagedToken) REQUIRE n.value IS UNIQUE;
CREATE CONSTRAINT pathways_staged_outcomekey_id IF NOT EXISTS FOR (n:StagedOutcomeKey) REQUIRE n.id IS UNIQUE;
// The commit warm-up (store/neo4j/warmup.py) writes under a label of its own, so its
// first commits take the index paths a credential's take; no read looks at it.
CREATE CONSTRAINT pathways_warm_up_key IF NOT EXISTS FOR (w:PathwaysWarmUp) REQUIRE w.key IS UNIQUE;
CREATE INDEX pathways_credential_country IF NOT EXISTS FOR (c:Credential) ON (c.country);
CREATE INDEX pathways_credential_kind IF NOT EXISTS FOR (c:Credential) ON (c.kind);
CREATE INDEX pathways_credential_country_id IF NOT EXISTS FOR (c:Credential) ON (c.country, c.id);
CREATE INDEX pathways_credential_kind_id IF NOT EXISTS FOR (c:Credential) ON (c.kind, c.id);
// Search: titles (every language) and skill labels (every language), normalised in Python,
// so the whitespace analyzer sees exactly the words the embedded index holds.
CREATE FULLTEXT INDEX pathways_credential_text IF NOT EXISTS
FOR (c:Credential) ON EACH [c.search_text, c.search_facets]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};
CREATE FULLTEXT INDEX pathways_skill_text IF NOT EXISTS
FOR (s:Skill) ON EACH [s.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};
CREATE FULLTEXT INDEX pathways_warm_up_text IF NOT EXISTS
FOR (w:PathwaysWarmUp) ON EACH [w.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}};
// Equivalence reaches credentials that share nothing with the asked-about one by shape.
CREATE INDEX pathways_credential_shape IF NOT EXISTS FOR (c:Credential) ON (c.shape);
CREATE INDEX pathways_credential_valid_from IF NOT EXISTS FOR (c:Credential) ON (c.valid_from);
CREATE INDEX pathways_credential_valid_until IF NOT EXISTS FOR (c:Credential) ON (c.valid_until);
CALL db.awaitIndexes(300)
