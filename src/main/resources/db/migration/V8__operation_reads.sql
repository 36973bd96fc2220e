-- The aggregates that operations read without changing them, while those operations are not final. A reader takes no
-- place in the aggregate's order, so readers of one aggregate never wait for each other: it is applied once the
-- aggregate's changes accepted before it (after_sequence of them) are final, and a later change waits until every
-- reader before it is final. A final reader's row is deleted, so a change reads only the readers still to apply,
-- whatever the history.
create table operation_read (
    aggregate_key  varchar(300) not null,
    after_sequence bigint       not null,
    operation_id   varchar(40)  not null references operation (id),
    primary key (aggregate_key, after_sequence, operation_id)
);

-- A batch finds the places of its operations, and deletes those of its final ones, by identifier.
create index operation_read_operation on operation_read (operation_id);
