-- Whoever follows an operation (a subscription, a request that waits) learns of its transitions from the ledger itself:
-- every statement that changes operations' statuses, on any path (a processor batch, a failed attempt, a cancellation, a
-- retried dead letter, a synchronous request that applies earlier operations), notifies the channel operation_states
-- with the identifiers whose status it changed. PostgreSQL delivers a notification on commit only, so a listener never
-- hears of a state it cannot read, and every instance hears every transition whichever instance committed it.
-- An operation accepted by the same transaction (a synchronous request, whose accepted_at is this transaction's now())
-- is left out: nobody can follow it before the answer, which comes after the commit, and a notifying commit waits for
-- every other notifying commit (PostgreSQL orders them one at a time: pgbench at 64 clients, a third of the commits/s).
-- One trigger per statement, not per row: a batch of a thousand operations sends a handful of notifications. A
-- notification's payload holds at most 8000 bytes: 190 identifiers of 40 characters and their commas fit in one.
create function notify_operation_states() returns trigger language plpgsql as $$
declare
    identifiers text;
begin
    for identifiers in
        select string_agg(changed.id, ',')
        from (select n.id, (row_number() over ()) / 190 as chunk
              from changed n join previous p on p.id = n.id
              where p.status is distinct from n.status and p.accepted_at <> now()) as changed
        group by changed.chunk
    loop
        perform pg_notify('operation_states', identifiers);
    end loop;
    return null;
end
$$;

create trigger operation_states after update on operation
    referencing old table as previous new table as changed
    for each statement execute function notify_operation_states();
