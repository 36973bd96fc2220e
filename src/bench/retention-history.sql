-- :rows finished operations issued evenly over the :days days before now, spread over 1,000 carts, as a ledger at
-- the end of its retention window holds them: identifiers as the service issues them (time of issue in milliseconds,
-- then hex), in partitions of a UTC day named and bounded as LedgerPartitions creates them. The service has created
-- today's and later ones.
set timezone = 'UTC';

select format('create table %I partition of operation for values from (%L) to (%L)', 'operation_' || suffix, lo, hi),
       format('create table %I partition of operation_aggregate for values from (%L) to (%L)',
              'operation_aggregate_' || suffix, lo, hi)
from (select to_char(d, '"p"YYYYMMDD"t"HH24MISS') as suffix,
             lpad(to_hex((extract(epoch from d) * 1000)::bigint), 12, '0') || repeat('0', 28) as lo,
             lpad(to_hex((extract(epoch from d + interval '1 day') * 1000)::bigint), 12, '0') || repeat('0', 28) as hi
      from generate_series(date_trunc('day', now() - make_interval(days => :days)),
                           date_trunc('day', now()) - interval '1 day', interval '1 day') as d) as days
\gexec

select (extract(epoch from now() - make_interval(days => :days)) * 1000)::bigint as start_ms,
       (:days * 86400000.0 - 3600000) / :rows as step_ms
\gset

insert into operation (id, command_type, payload, status, result, failed_attempts, republished, accepted_at,
                       next_attempt_at, finished_at)
select lpad(to_hex(ms), 12, '0') || substr(md5(g::text), 1, 28), 'createEmptyCart', '{}', 'COMPLETED', '{}', 0, 0,
       to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0)
from (select g, (:start_ms + g * :step_ms)::bigint as ms from generate_series(1, :rows) g) as h;

insert into operation_aggregate (operation_id, aggregate_key, aggregate_sequence)
select lpad(to_hex(ms), 12, '0') || substr(md5(g::text), 1, 28), 'Cart:history-' || (g % 1000), g / 1000 + 1
from (select g, (:start_ms + g * :step_ms)::bigint as ms from generate_series(1, :rows) g) as h;

\ir history-carts.sql
vacuum analyze;
