-- :rows finished operations of the day before, spread over 1,000 carts, as a ledger that has run for a while holds
-- them; identifiers as the service issues them (time of issue in milliseconds, then random hex).
create temporary table history as
select g, lpad(to_hex((extract(epoch from now() - interval '1 day') * 1000)::bigint + g / 20), 12, '0')
          || substr(md5(random()::text), 1, 28) as id
from generate_series(1, :rows) g;
insert into operation (id, command_type, payload, status, result, failed_attempts, republished, accepted_at,
                       next_attempt_at, finished_at)
select id, 'createEmptyCart', '{}', 'COMPLETED', '{}', 0, 0, now() - interval '1 day',
       now() - interval '1 day', now() - interval '1 day'
from history order by g;
insert into operation_aggregate (operation_id, aggregate_key, aggregate_sequence)
select id, 'Cart:history-' || (g % 1000), g / 1000 + 1
from history order by g;
\ir history-carts.sql
vacuum analyze;
