-- The ingest reads an admitted file in ranges (intake.FileRange): a whole file, or one of the
-- byte ranges a large CSV is split into at record boundaries, so that the partitions of the
-- ingest read one big file side by side and a restart reads again only the ranges not finished.
-- The checkpoint is now a range's: rows_read (data rows of the range committed) and complete,
-- written with each chunk's rows; a file's rows read are its ranges' sum.
create table source_range (
    round            integer      not null,
    source_file      varchar(500) not null,
    range_seq        integer      not null,
    start_byte       bigint       not null,
    start_line       bigint       not null,
    start_row        integer      not null,
    start_ordinal    bigint       not null,
    -- positions of the columns without a header already reported before the range, "3,7"
    reported_columns varchar(400) not null,
    -- the line the next range starts on; -1: to the end of the file
    end_line         bigint       not null,
    estimated_rows   bigint,
    rows_read        bigint       not null,
    complete         boolean      not null,
    ingest_partition integer,
    primary key (round, source_file, range_seq)
);

-- Files admitted before: each one range, its checkpoint carried over.
insert into source_range (round, source_file, range_seq, start_byte, start_line, start_row, start_ordinal,
        reported_columns, end_line, estimated_rows, rows_read, complete)
    select round, source_file, 0, 0, 0, 0, 0, '', -1, estimated_rows, rows_read, complete
    from source_file where status = 'READY';

alter table source_file drop column rows_read;
alter table source_file drop column complete;
alter table source_file drop column ingest_partition;
