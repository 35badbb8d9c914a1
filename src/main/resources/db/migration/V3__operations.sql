-- One run per round at a time. A row names the process that holds the round; a process that is
-- gone (same host, pid not alive) or silent (no heartbeat for outcomes.stale-after) no longer holds it.
create table run_lock (
    round        integer      not null primary key,
    host         varchar(200) not null,
    pid          bigint       not null,
    acquired_at  timestamp    not null,
    heartbeat_at timestamp    not null
);

-- Rows a CSV holds by its line count, for progress and ETA; null for workbooks.
alter table source_file add column estimated_rows bigint;
