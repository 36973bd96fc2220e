-- The ledger of operations. A row is also the outbox of its command until the operation is final.
-- payload and result are JSON documents that only the application reads.
create table operation_sequence (
    aggregate_key varchar(200) primary key,
    last_sequence bigint       not null
);

create table operation (
    id                 varchar(40)  primary key,
    command_type       varchar(100) not null,
    aggregate_key      varchar(200) not null,
    aggregate_sequence bigint       not null,
    payload            text         not null,
    status             varchar(20)  not null check (status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'FAILED')),
    result             text,
    failed_attempts    integer      not null default 0,
    accepted_at        timestamptz  not null,
    next_attempt_at    timestamptz  not null,
    finished_at        timestamptz,
    constraint operation_aggregate_order unique (aggregate_key, aggregate_sequence),
    constraint operation_final_has_result check ((status in ('COMPLETED', 'FAILED')) = (result is not null))
);

-- The relay looks for unfinished operations only.
create index operation_unfinished on operation (next_attempt_at) where status in ('ACCEPTED', 'IN_PROGRESS');
