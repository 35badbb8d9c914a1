-- A finding's message as a key and its values (findings.Message), so it reads in English in
-- rejects.csv and in Korean in a center's corrections; `message` keeps the English text.
alter table finding add column message_key varchar(60);
alter table finding add column message_args varchar(2000);
