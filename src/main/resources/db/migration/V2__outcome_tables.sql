-- Outcome tables (contract §4-5), one set per job execution that produced them, so earlier runs
-- stay queryable; the *_latest views show the newest complete set per round. Numbers are stored
-- at full precision; rounding happens only in the exports.

create table outcome_run (
    job_execution_id bigint    not null primary key,
    round            integer   not null,
    computed_at      timestamp not null
);

create table participation_by_center (
    job_execution_id    bigint       not null,
    round               integer      not null,
    center_code         varchar(12)  not null,
    center_name         varchar(200) not null,
    target_firms        integer      not null,
    supported_firms     integer      not null,
    completed_firms     integer      not null,
    completion_rate_pct numeric(38, 16),
    survey_responses    integer      not null,
    participant_responses integer    not null,
    response_rate_pct   numeric(38, 16),
    primary key (job_execution_id, center_code)
);

create table satisfaction_by_center (
    job_execution_id bigint      not null,
    round            integer     not null,
    center_code      varchar(12) not null,
    item             varchar(2)  not null,
    n                integer     not null,
    mean             numeric(38, 16),
    ci95_low         numeric(38, 16),
    ci95_high        numeric(38, 16),
    top2_pct         numeric(38, 16),
    score100         numeric(38, 16),
    suppressed       boolean     not null,
    primary key (job_execution_id, center_code, item)
);

create table kpi_by_center (
    job_execution_id        bigint      not null,
    round                   integer     not null,
    center_code             varchar(12) not null,
    firms_with_sales        integer     not null,
    sales_growth_median_pct numeric(38, 16),
    new_clients_total       bigint      not null,
    new_orders_total        bigint      not null,
    online_listed_firms     integer     not null,
    patterns_total          bigint      not null,
    education_hours_total   numeric(38, 16) not null,
    primary key (job_execution_id, center_code)
);

create table budget_by_center (
    job_execution_id   bigint      not null,
    round              integer     not null,
    center_code        varchar(12) not null,
    budget_cap_krw     bigint      not null,
    planned_krw        bigint      not null,
    executed_krw       bigint      not null,
    execution_rate_pct numeric(38, 16),
    over_cap           boolean     not null,
    primary key (job_execution_id, center_code)
);

create table needs_by_center (
    job_execution_id bigint      not null,
    round            integer     not null,
    center_code      varchar(12) not null,
    need_order       integer     not null,
    need             varchar(10) not null,
    response_count   integer     not null,
    share_pct        numeric(38, 16),
    primary key (job_execution_id, center_code, need)
);

create table yoy_by_center (
    job_execution_id bigint      not null,
    round            integer     not null,
    center_code      varchar(12) not null,
    metric_order     integer     not null,
    metric           varchar(40) not null,
    current_value    numeric(38, 16),
    previous_value   numeric(38, 16),
    delta            numeric(38, 16),
    primary key (job_execution_id, center_code, metric)
);

create view latest_outcome_run as
    select round, max(job_execution_id) as job_execution_id from outcome_run group by round;

create view participation_latest as select t.* from participation_by_center t
    join latest_outcome_run l on l.job_execution_id = t.job_execution_id;
create view satisfaction_latest as select t.* from satisfaction_by_center t
    join latest_outcome_run l on l.job_execution_id = t.job_execution_id;
create view kpi_latest as select t.* from kpi_by_center t
    join latest_outcome_run l on l.job_execution_id = t.job_execution_id;
create view budget_latest as select t.* from budget_by_center t
    join latest_outcome_run l on l.job_execution_id = t.job_execution_id;
create view needs_latest as select t.* from needs_by_center t
    join latest_outcome_run l on l.job_execution_id = t.job_execution_id;
create view yoy_latest as select t.* from yoy_by_center t
    join latest_outcome_run l on l.job_execution_id = t.job_execution_id;
