-- The rules across rows scan each table once in key order (see CrossRowRulesTasklet).
create index outcome_round_center_brn on outcome (round, center_code, brn);
-- Whether the respondent is an accepted participant of the center it names (the response rate's numerator).
alter table survey_response add column participant boolean not null default true;
