-- The ledger of operations. A row is also the outbox of its command until the operation is final.
-- payload and result are JSON documents that only the application reads.
create table operation (
    id                varchar(40)  primary key,
    -- Global acceptance order; among operations that share an aggregate it is their commit order.
    accepted_sequence bigint       generated always as identity unique,
    command_type      varchar(100) not null,
    payload           text         not null,
    status            varchar(20)  not null check (status in ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'FAILED')),
    result            text,
    failed_attempts   integer      not null default 0,
    -- How often the relay has published the command again; each time it waits twice as long.
    republished       integer      not null default 0,
    accepted_at       timestamptz  not null,
    next_attempt_at   timestamptz  not null,
    finished_at       timestamptz,
    constraint operation_final_has_result check ((status in ('COMPLETED', 'FAILED')) = (result is not null))
);

-- The relay looks for unfinished operations only.
create index operation_unfinished on operation (next_attempt_at) where status in ('ACCEPTED', 'IN_PROGRESS');

-- The last sequence number taken by each aggregate (a cart, a product, a customer).
create table operation_sequence (
    aggregate_key varchar(200) primary key,
    last_sequence bigint       not null
);

-- The aggregates an operation changes, with its place in the order of each.
create table operation_aggregate (
    operation_id       varchar(40)  not null references operation (id),
    aggregate_key      varchar(200) not null,
    aggregate_sequence bigint       not null,
    primary key (aggregate_key, aggregate_sequence),
    constraint operation_aggregate_once unique (operation_id, aggregate_key)
);
