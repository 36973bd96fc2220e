-- :rows finished operations of earlier days, spread over 1,000 carts, as a ledger that has run for a while holds them.
insert into operation (id, command_type, payload, status, result, failed_attempts, republished, accepted_at,
                       next_attempt_at, finished_at)
select lpad(to_hex(g), 40, '0'), 'createEmptyCart', '{}', 'COMPLETED', '{}', 0, 0, now() - interval '1 day',
       now() - interval '1 day', now() - interval '1 day'
from generate_series(1, :rows) g;
insert into operation_aggregate (operation_id, aggregate_key, aggregate_sequence)
select lpad(to_hex(g), 40, '0'), 'Cart:history-' || (g % 1000), g / 1000 + 1
from generate_series(1, :rows) g;
insert into operation_sequence (aggregate_key, last_sequence)
select 'Cart:history-' || k, :rows / 1000 + 1 from generate_series(0, 999) k
on conflict (aggregate_key) do nothing;
insert into aggregate_progress (aggregate_key, applied_sequence)
select 'Cart:history-' || k, :rows / 1000 + 1 from generate_series(0, 999) k
on conflict (aggregate_key) do nothing;
vacuum analyze;
