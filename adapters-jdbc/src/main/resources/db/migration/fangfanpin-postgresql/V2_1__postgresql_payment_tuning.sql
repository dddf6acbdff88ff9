-- fangfanpin (防返贫) storage schema, PostgreSQL only, after version 2: cheaper writes of payments.
--
-- An aid application is rewritten in place at every tier (village, township, county) and again
-- when it is paid. With full pages PostgreSQL writes each new version on another page and adds it
-- to all three of the table's indexes; with room left in the page (fillfactor 70: about two more
-- versions of a row of a kilobyte beside five rows) the update stays on the page ("HOT") and no
-- index is written. Applies to pages written from now on.
ALTER TABLE ffp_aid_application SET (fillfactor = 70);

-- A transfer reverses at most one other: unique among the transfers that reverse one. Nearly
-- every transfer reverses none, and the constraint's index held an entry for each of them; a
-- partial index keeps the same rule (NULLs never clashed) and is written only for reversals.
-- The index keeps the constraint's name, which a violation reports.
ALTER TABLE ffp_transfer DROP CONSTRAINT ffp_transfer_reverses;
CREATE UNIQUE INDEX ffp_transfer_reverses ON ffp_transfer (reverses) WHERE reverses IS NOT NULL;
