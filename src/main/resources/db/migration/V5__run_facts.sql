-- What `status` shows of each execution, kept with it: the findings it ended with (not the round's
-- findings of today), and its last heartbeat, where a killed run's duration ends.
create table run_facts (
    job_execution_id bigint   not null primary key,
    round            integer  not null,
    reject_count     bigint,
    warn_count       bigint,
    heartbeat_at     timestamp not null
);
create index run_facts_round on run_facts (round, job_execution_id);
