-- Who started each execution: the operator's account in the console, cli:<os user> on the command line
alter table run_facts add column started_by varchar(100);
