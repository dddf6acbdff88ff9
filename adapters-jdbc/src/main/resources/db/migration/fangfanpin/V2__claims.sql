-- fangfanpin (防返贫) storage schema, version 2: claims on keys looked up and not found.
--
-- A write session that looks up a transfer or a signal by its key and finds none claims the key
-- here (inserts the row, or waits for the unit of work that inserted it first, then locks it), so
-- that of two units of work that look before they store under one key, the second sees what the
-- first stored instead of failing on the unique key: write sessions behave as if they ran one
-- after the other. A claim holds no data; a unit deletes its claims just before it commits, so
-- the table is empty between units of work.
CREATE TABLE ffp_claim (
  kind      VARCHAR(32) NOT NULL,
  claim_key VARCHAR(400) NOT NULL,
  CONSTRAINT ffp_claim_pk PRIMARY KEY (kind, claim_key)
);
INSERT INTO ffp_schema_version (version) VALUES (2);
