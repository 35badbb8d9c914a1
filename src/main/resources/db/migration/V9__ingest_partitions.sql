-- The ingest partition a pending file is read in (intake.IngestPartitioner): assigned by the
-- partitioned ingest step each time it starts, before its workers open their files, so every
-- pending file is read by exactly one partition, on a restart too.
alter table source_file add column ingest_partition integer;
