-- fangfanpin (防返贫) storage schema, H2 only, after version 2: documents as UTF-8 bytes.
--
-- H2 writes a VARCHAR value into its pages char by char, and every commit rewrites the pages it
-- changed: with documents of several kilobytes (a case is rewritten whole on every move) that
-- encoding was a fifth of a simulation's time. A BINARY VARYING value is copied as its bytes.
-- The store binds and reads H2's documents as the UTF-8 bytes of their JSON text (Dialect).
--
-- H2 2.x converts text to binary as its UTF-8 bytes (as STRINGTOUTF8), so every stored document
-- is kept; 3,000,000 bytes hold any text of the 1,000,000 characters a document may have.
--
-- Optional, but without it H2 converts each document between bytes and text: the store works,
-- more slowly, and JdbcStore.open logs a warning. Hosts that apply the SQL files themselves apply
-- it on H2 after V2__claims.sql and V2_1. It does not change ffp_schema_version.
ALTER TABLE ffp_household ALTER COLUMN doc SET DATA TYPE VARBINARY(3000000);
ALTER TABLE ffp_signal ALTER COLUMN doc SET DATA TYPE VARBINARY(3000000);
ALTER TABLE ffp_case ALTER COLUMN doc SET DATA TYPE VARBINARY(3000000);
ALTER TABLE ffp_audit ALTER COLUMN doc SET DATA TYPE VARBINARY(3000000);
ALTER TABLE ffp_outbox ALTER COLUMN doc SET DATA TYPE VARBINARY(3000000);
ALTER TABLE ffp_transfer ALTER COLUMN doc SET DATA TYPE VARBINARY(3000000);
ALTER TABLE ffp_aid_application ALTER COLUMN doc SET DATA TYPE VARBINARY(3000000);
ALTER TABLE ffp_grid_visit ALTER COLUMN doc SET DATA TYPE VARBINARY(3000000);
