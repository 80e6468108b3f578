// Uniqueness constraints (each backs an index) and the indexes the reads use; idempotent.
CREATE CONSTRAINT pathways_credential_id IF NOT EXISTS FOR (c:Credential) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT pathways_framework_code IF NOT EXISTS FOR (f:Framework) REQUIRE f.code IS UNIQUE;
CREATE CONSTRAINT pathways_level_key IF NOT EXISTS FOR (l:Level) REQUIRE l.key IS UNIQUE;
CREATE CONSTRAINT pathways_provider_id IF NOT EXISTS FOR (p:Provider) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT pathways_skill_id IF NOT EXISTS FOR (s:Skill) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT pathways_token_value IF NOT EXISTS FOR (t:Token) REQUIRE t.value IS UNIQUE;
CREATE CONSTRAINT pathways_meta_key IF NOT EXISTS FOR (m:PathwaysMeta) REQUIRE m.key IS UNIQUE;
CREATE INDEX pathways_credential_country IF NOT EXISTS FOR (c:Credential) ON (c.country);
CREATE INDEX pathways_credential_kind IF NOT EXISTS FOR (c:Credential) ON (c.kind);
CALL db.awaitIndexes(300)
