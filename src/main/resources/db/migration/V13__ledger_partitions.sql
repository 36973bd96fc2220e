-- Retention forgets finished operations a partition at a time: the ledger's two growing tables are partitioned by the
-- operation identifier, whose first 12 hex digits are its time of issue, so that a partition holds one span of time
-- and forgetting it costs a catalog change rather than a deleted row per operation and place (LedgerPartitions). The
-- tables as they stand become the default partitions, without a copy; the default partition also takes whatever no
-- range covers: operations kept beyond their dropped partition, and those accepted before the first partition exists.

-- A partitioned table takes no identity column before PostgreSQL 17: the same numbers come from a sequence that
-- continues them, so that later operations still sort after earlier ones.
create sequence operation_accepted_sequence as bigint;
select setval('operation_accepted_sequence', coalesce((select max(accepted_sequence) from operation), 0) + 1, false);
alter table operation alter column accepted_sequence drop identity;
alter table operation alter column accepted_sequence set default nextval('operation_accepted_sequence');

alter table operation rename to operation_default;
alter index operation_pkey rename to operation_default_pkey;
alter index operation_unfinished rename to operation_default_unfinished;
create table operation (like operation_default including defaults including constraints) partition by range (id);
alter table operation add constraint operation_pkey primary key (id);
-- The relay looks for unfinished operations only; so does retention, for those it must keep.
create index operation_unfinished on operation (next_attempt_at) where status in ('ACCEPTED', 'IN_PROGRESS');
-- Retention keeps the preceding step of every unfinished step, and looks it up while it holds the ledger: by this
-- index, it reads only the unfinished steps that name an operation of the partition it forgets.
create index operation_unfinished_steps on operation (preceding_step)
    where status in ('ACCEPTED', 'IN_PROGRESS') and preceding_step is not null;
alter sequence operation_accepted_sequence owned by operation.accepted_sequence;
alter table operation attach partition operation_default default;

-- Dead letters outlive their operation's partition (operations.retention.dead-letters): the purge keeps the operation
-- of every dead letter it keeps, in the default partition, which a foreign key would not let it detach first.
alter table operation_dead_letter drop constraint operation_dead_letter_operation_id_fkey;

-- An operation's places go with it. A unique key of a partitioned table must hold the partition key: the places of an
-- aggregate are unique by its counter (operation_sequence), so they are found by a plain index.
alter table operation_aggregate rename to operation_aggregate_default;
alter table operation_aggregate_default rename constraint operation_aggregate_once to operation_aggregate_default_once;
create table operation_aggregate (like operation_aggregate_default including defaults) partition by range (operation_id);
alter table operation_aggregate add constraint operation_aggregate_once unique (operation_id, aggregate_key);
create index operation_aggregate_place on operation_aggregate (aggregate_key, aggregate_sequence);
alter table operation_aggregate attach partition operation_aggregate_default default;
alter table operation_aggregate_default drop constraint operation_aggregate_pkey;
