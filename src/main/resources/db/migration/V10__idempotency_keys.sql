-- The operations first recorded under each idempotency key, so that a retried request answers them instead of
-- recording others: one row for a top-level mutation (step 0), one per step for an ordered group. A row is inserted in
-- the transaction that records its operation, so a key that exists names an operation that exists. scope is the
-- caller's identity where callers are identified ('' while they are not); fingerprint is a SHA-256 of the mutation and
-- its input (the whole group's for a group), which a request with the same key must match.
create table idempotency_key (
    scope        varchar(255) not null,
    key          varchar(255) not null,
    step         integer      not null,
    fingerprint  varchar(64)  not null,
    operation_id varchar(40)  not null,
    created_at   timestamptz  not null,
    primary key (scope, key, step)
);

-- The cleanup forgets the oldest keys first, a bounded number at a time.
create index idempotency_key_created on idempotency_key (created_at);
