-- fangfanpin (防返贫) storage schema, H2 only, after version 2: larger identity caches.
--
-- With WRITE_DELAY 0 H2 stores an identity column's sequence on disk, in a commit of its own,
-- each time it has handed out its cache of values (32 by default): a county's grid visits,
-- outbox events, signals and transfers then cost one extra store every 32 rows. A cache of 4,096
-- makes that rare. Values are still handed out in increasing order within a process; a stop
-- without a clean shutdown skips the unused rest of a cache (a gap, as after a rollback). PostgreSQL keeps its cache of 1.
--
-- Optional: the store works without it. Hosts that apply the SQL files themselves apply this one
-- on H2 after V2__claims.sql. It does not change ffp_schema_version.
ALTER TABLE ffp_grid_visit ALTER COLUMN seq SET CACHE 4096;
ALTER TABLE ffp_outbox ALTER COLUMN seq SET CACHE 4096;
ALTER TABLE ffp_signal ALTER COLUMN seq SET CACHE 4096;
ALTER TABLE ffp_transfer ALTER COLUMN seq SET CACHE 4096;
