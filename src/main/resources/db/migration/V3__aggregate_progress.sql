-- How far each aggregate has been applied: the sequence number up to which every operation of the aggregate is final.
-- An operation may be applied once its predecessor in each of its aggregates is final, so deciding that costs one
-- primary-key lookup, whatever the history. Processing locks these rows; accepting only creates them, so that
-- accepting never waits for processing.
create table aggregate_progress (
    aggregate_key    varchar(200) primary key,
    applied_sequence bigint       not null
);

insert into aggregate_progress (aggregate_key, applied_sequence)
select s.aggregate_key,
       coalesce((select min(a.aggregate_sequence) - 1
                 from operation_aggregate a
                 join operation o on o.id = a.operation_id
                 where a.aggregate_key = s.aggregate_key and o.status in ('ACCEPTED', 'IN_PROGRESS')),
                s.last_sequence)
from operation_sequence s;
