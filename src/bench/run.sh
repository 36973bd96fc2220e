#!/usr/bin/env bash
# The project's benchmark, one command: builds the production jar, runs it against this machine's PostgreSQL and a
# standalone Artemis 2.44.0 (installed from Maven Central into target/bench), drives it with wrk, and prints one table.
#
#   src/bench/run.sh
#
# Knobs (environment): BENCH_WARMUP (s of each warm-up workload: two in the modes and stale phases, one in the drain
# and ledger phases; default 60: at 15, sync mode was still at half its steady rate when measured), BENCH_DURATION (s
# per row, 20), BENCH_CLIENTS ("1 16 64"),
# BENCH_MODES ("sync async"), BENCH_WORKLOADS ("create-empty-cart add-products add-hot-product poll-queue"),
# BENCH_ITEMS_PER_CART (20: the products that add-products puts in one cart),
# BENCH_DRAIN_OPS (100000), BENCH_DRAIN_WORKLOADS ("create-empty-cart"; add add-products add-hot-product to compare
# the processor alone on them), BENCH_LEDGER_ROWS (1000000), BENCH_RETENTION_ROWS (10000000, the
# retention phase's ledger), BENCH_SKIP_BUILD (1 to reuse target/quarkus-app), BENCH_PHASES
# ("pgbench modes drain ledger"; also follow, warmup, aot, stale, retention), BENCH_SETTLE (s to wait for a backlog to drain between async rows, 180),
# BENCH_JAVA_OPTS (the service's JVM options, for example the heap that deploy/kubernetes gives it), BENCH_JAVA (the java
# that runs the service, default java), BENCH_WARMUP_SLICES (10 s slices of the warmup phase, 12), BENCH_TRAINING (s of
# load in the aot phase, 60), BENCH_PREWARM (a load run before the warmup phase's slices, "WORKLOAD CLIENTS SECONDS":
# "read-queue 16 30" shows what reads alone warm). The aot phase (JDK 25) trains an AOT cache with the benchmark's
# load; the phases after it start the service with that cache. The service also takes its own settings from the
# environment: STOREFRONT_WARM_UP_ENABLED=true makes each start rehearse before it is ready (README, "Warm-up").
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export BENCH_DIR="$ROOT/src/bench"
WORK="$ROOT/target/bench"
WARMUP=${BENCH_WARMUP:-60}
DURATION=${BENCH_DURATION:-20}
CLIENTS=${BENCH_CLIENTS:-"1 16 64"}
MODES=${BENCH_MODES:-"sync async"}
WORKLOADS=${BENCH_WORKLOADS:-"create-empty-cart add-products add-hot-product poll-queue"}
DRAIN_OPS=${BENCH_DRAIN_OPS:-100000}
DRAIN_WORKLOADS=${BENCH_DRAIN_WORKLOADS:-"create-empty-cart"}
LEDGER_ROWS=${BENCH_LEDGER_ROWS:-1000000}
RETENTION_ROWS=${BENCH_RETENTION_ROWS:-10000000}
PHASES=${BENCH_PHASES:-"pgbench modes drain ledger"}
WARMUP_SLICES=${BENCH_WARMUP_SLICES:-12}
JAVA=${BENCH_JAVA:-java}
TRAINING=${BENCH_TRAINING:-60}
AOT_OPTS=""
SETTLE=${BENCH_SETTLE:-180}
ARTEMIS_VERSION=2.44.0
PG_HOST=127.0.0.1
DB=storefront_bench
HTTP_PORT=18100
PROCESSOR_PORT=18101 # the drain phase's processor-role instance
AMQP_PORT=7672 # the broker's AMQP acceptor: 5672 + port offset 2000
export BENCH_CARTS=1000
export BENCH_PRODUCTS=1000
URL="http://127.0.0.1:$HTTP_PORT"
SERVICE_PID=""
PROCESSOR_PID=""
PAUSE_PID=""
BROKER_PID=""
TABLE="$WORK/table.md"

psql_db() { psql -h "$PG_HOST" -U postgres -d "$DB" -qtAX -v ON_ERROR_STOP=1 "$@"; }
psql_admin() { psql -h "$PG_HOST" -U postgres -d postgres -qtAX -v ON_ERROR_STOP=1 "$@"; }
log() { echo "[bench $(date +%T)] $*" >&2; }

AUTOVACUUM_WAS=""

cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null || true
  [ -n "$PROCESSOR_PID" ] && kill "$PROCESSOR_PID" 2>/dev/null || true
  [ -n "$PAUSE_PID" ] && kill "$PAUSE_PID" 2>/dev/null || true
  [ -n "$BROKER_PID" ] && kill "$BROKER_PID" 2>/dev/null || true
  if [ "$AUTOVACUUM_WAS" = off ]; then
    psql_admin -c "alter system reset autovacuum" -c "select pg_reload_conf()" >/dev/null || true
  fi
  wait 2>/dev/null || true
}
trap cleanup EXIT

prepare() {
  mkdir -p "$WORK"
  command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
  command -v pgbench >/dev/null || { log "installing pgbench"; apt-get install -y -qq postgresql-client >/dev/null; }
  pg_isready -h "$PG_HOST" -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  # A production PostgreSQL keeps its statistics fresh; this machine's may have autovacuum off. On for the run.
  AUTOVACUUM_WAS=$(psql_admin -c "show autovacuum")
  if [ "$AUTOVACUUM_WAS" = off ]; then
    log "switching autovacuum on for the run"
    psql_admin -c "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null
  fi
  if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    log "building the production jar"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
  if [ ! -x "$WORK/apache-artemis-$ARTEMIS_VERSION/bin/artemis" ]; then
    log "installing Artemis $ARTEMIS_VERSION from Maven Central"
    (cd "$ROOT" && ./mvnw -B -q dependency:copy \
      -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" -DoutputDirectory="$WORK")
    tar xzf "$WORK/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$WORK"
  fi
}

start_broker() {
  rm -rf "$WORK/broker"
  "$WORK/apache-artemis-$ARTEMIS_VERSION/bin/artemis" create --silent --user bench --password bench --require-login \
    --no-web --port-offset 2000 --host 127.0.0.1 "$WORK/broker" >/dev/null
  "$WORK/broker/bin/artemis" run >"$WORK/broker.log" 2>&1 &
  BROKER_PID=$!
  for _ in $(seq 1 60); do (echo >/dev/tcp/127.0.0.1/$AMQP_PORT) 2>/dev/null && return; sleep 1; done
  log "the broker did not start"; exit 1
}

stop_broker() {
  [ -n "$BROKER_PID" ] || return 0
  kill "$BROKER_PID" 2>/dev/null || true
  wait "$BROKER_PID" 2>/dev/null || true
  BROKER_PID=""
}

# A new database and a new broker: nothing of an earlier phase is left in either.
reset_database() {
  psql_admin -c "drop database if exists $DB with (force)" -c "create database $DB"
  stop_broker
  start_broker
}

# start_service MODE ROLE LOGNAME [PORT]: sets SERVICE_PID, and SERVICE_READY_S to the seconds it took to report ready
# (with STOREFRONT_WARM_UP_ENABLED=true in the environment, its rehearsal's too: README, "Warm-up").
start_service() {
  local port=${4:-$HTTP_PORT} started=$SECONDS
  QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PG_HOST:5432/$DB" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:5432/$DB" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres \
    AMQP_HOST=127.0.0.1 AMQP_PORT=$AMQP_PORT AMQP_USERNAME=bench AMQP_PASSWORD=bench \
    QUARKUS_HTTP_PORT=$port OPERATIONS_MODE="$1" OPERATIONS_ROLE="$2" \
    "$JAVA" ${BENCH_JAVA_OPTS:-} $AOT_OPTS -jar "$ROOT/target/quarkus-app/quarkus-run.jar" >"$WORK/service-$3.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then
      SERVICE_READY_S=$((SECONDS - started)); return
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.5
  done
  log "the service did not become ready (see $WORK/service-$3.log)"; exit 1
}

stop_service() { kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""; }

# CPU ticks (1/100 s) used so far by the given processes. One that exits meanwhile (an autovacuum worker) is skipped
# rather than failing the run.
ticks() { for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done | awk '{ t += $14 + $15 } END { print t + 0 }'; }
pg_ticks() { ticks $(pgrep -x postgres | tr '\n' ' '); }
# CPU ticks of the process's live C1 and C2 compiler threads: what a warm-up spends compiling rather than serving. A
# thread that exits meanwhile is skipped, as in ticks; so are the ticks of compiler threads that the JVM has retired,
# which it does only with more than one thread of a kind (more than two cores, or -XX:CICompilerCount).
compiler_ticks() {
  { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } |
    awk '/\(C[12] CompilerThre/ { c = /\(C1/ ? 1 : 2; sub(/^.*\) /, ""); t[c] += $12 + $13 } END { print t[1] + 0, t[2] + 0 }'
}
commits() { psql_db -c "select xact_commit from pg_stat_database where datname = '$DB'"; }
unfinished() { psql_db -c "select count(*) from operation where status in ('ACCEPTED', 'IN_PROGRESS')"; }

# await_drained LIMIT [INTERVAL]: waits until no operation is unfinished, looking every INTERVAL seconds (0.5).
await_drained() {
  local limit=$1 interval=${2:-0.5} start=$SECONDS
  while [ "$(unfinished)" != 0 ] && [ $((SECONDS - start)) -lt "$limit" ]; do sleep "$interval"; done
}

# wrk_run SCRIPT CLIENTS SECONDS: prints wrk's RESULT line.
wrk_run() {
  local threads=$2
  [ "$threads" -gt 2 ] && [ "$1" != poll-queue ] && threads=2
  wrk -t "$threads" -c "$2" -d "${3}s" --timeout 30s -s "$BENCH_DIR/wrk/$1.lua" "$URL" | grep '^RESULT' ||
    echo "RESULT requests=0 seconds=$3 p50_ms=- p99_ms=- errors=wrk-failed"
}

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }

# measure MODE WORKLOAD CLIENTS: one row of the table.
measure() {
  local mode=$1 workload=$2 clients=$3
  local t0 c0 s0 p0 b0 u0 result t1 c1 s1 p1 b1 u1
  # Statistics as autovacuum keeps them on a database in its steady state; the tables grow fast here. The stale phase
  # measures without them (NO_ANALYZE).
  [ -n "${NO_ANALYZE:-}" ] || psql_db -c "analyze"
  t0=$(psql_db -c "select clock_timestamp()"); c0=$(commits); u0=$(unfinished)
  s0=$(ticks "$SERVICE_PID"); p0=$(pg_ticks); b0=$(ticks "$BROKER_PID")
  result=$(wrk_run "$workload" "$clients" "$DURATION")
  t1=$(psql_db -c "select clock_timestamp()"); c1=$(commits); u1=$(unfinished)
  ROW_FROM=$t0; ROW_TO=$t1
  s1=$(ticks "$SERVICE_PID"); p1=$(pg_ticks); b1=$(ticks "$BROKER_PID")
  local seconds accepted completed lag
  seconds=$(field seconds "$result")
  accepted=$(psql_db -c "select count(*) from operation where accepted_at >= '$t0' and accepted_at < '$t1'")
  completed=$(psql_db -c "select count(*) from operation where finished_at >= '$t0' and finished_at < '$t1'")
  if [ "$mode" = async ]; then await_drained "$SETTLE"; fi
  lag=$(psql_db -c "select coalesce(round(1000 * percentile_cont(0.5) within group (order by extract(epoch from finished_at - accepted_at)))::text, '-') || ' / ' || coalesce(round(1000 * percentile_cont(0.99) within group (order by extract(epoch from finished_at - accepted_at)))::text, '-') from operation where accepted_at >= '$t0' and accepted_at < '$t1' and finished_at is not null")
  awk -v mode="$mode" -v w="$workload" -v c="$clients" -v s="$seconds" -v a="$accepted" -v d="$completed" \
    -v p50="$(field p50_ms "$result")" -v p99="$(field p99_ms "$result")" -v lag="$lag" \
    -v commits=$((c1 - c0)) -v cs=$((s1 - s0)) -v cp=$((p1 - p0)) -v cb=$((b1 - b0)) -v backlog=$((u1 - u0)) \
    -v errors="$(field errors "$result")" 'BEGIN {
      per = d > 0 ? d : 1
      printf "| %s | %s | %d | %.0f | %.0f | %s / %s | %s | %.2f | %.2f / %.2f / %.2f | %+d | %s |\n",
        mode, w, c, a / s, d / s, p50, p99, lag, commits / per, 10 * cs / per, 10 * cp / per, 10 * cb / per, backlog, errors
    }' | tee -a "$TABLE"
}

setup_carts() {
  psql_db <<SQL
insert into product (sku, name, price)
select 'bench-product-' || g, 'Benchmark product ' || g, 1.00 from generate_series(1, $BENCH_PRODUCTS) g
on conflict do nothing;
insert into cart (id, mask, increment_id, created_at, updated_at)
select nextval('cart_seq'), 'bench-cart-' || g, 'BENCH' || g, now(), now() from generate_series(1, $BENCH_CARTS) g
on conflict do nothing;
SQL
}

header() {
  {
    echo
    echo "| mode | workload | clients | accepted/s | completed/s | p50 / p99 ms (sync: until completed; async: until accepted) | accept→completed p50 / p99 ms | commits per completed op | CPU ms per op: service / PostgreSQL / broker | backlog change | errors |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
  } | tee -a "$TABLE"
}

# pgbench_tps SECONDS: PostgreSQL's one-row commits per second at 64 clients, the machine's pace at that moment.
pgbench_tps() {
  local tps
  psql_db -c "drop table if exists bench_commit" -c "create table bench_commit (id bigserial primary key, v int)"
  tps=$(pgbench -h "$PG_HOST" -U postgres -n -c 64 -j 2 -T "$1" -f "$BENCH_DIR/pgbench-insert.sql" "$DB" 2>/dev/null |
    sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  psql_db -c "drop table bench_commit"
  [ -n "$tps" ] || { log "pgbench failed"; exit 1; }
  printf '%.0f' "$tps"
}

phase_pgbench() {
  log "pgbench: one-row INSERT per transaction, 64 clients"
  reset_database
  local tps
  tps=$(pgbench_tps "$DURATION")
  printf '\nPostgreSQL alone (pgbench, one-row INSERT per transaction, 64 clients): %s commits/s\n' "$tps" | tee -a "$TABLE"
}

phase_modes() {
  local pace
  header
  for mode in $MODES; do
    reset_database
    start_service "$mode" all "$mode"
    setup_carts
    log "$mode: warming up for ${WARMUP}s"
    wrk_run create-empty-cart 64 "$WARMUP" >/dev/null
    wrk_run add-products 64 "$WARMUP" >/dev/null
    await_drained "$SETTLE"
    # The machine's pace drifts within the hour (pgbench 4,494 and then 6,974 commits/s an hour apart): taken again
    # before each mode's rows, so that a slower start shows as such.
    pace=$(pgbench_tps 10)
    psql_db -c "analyze"
    for workload in $WORKLOADS; do
      for clients in $CLIENTS; do
        log "$mode: $workload, $clients clients"
        measure "$mode" "$workload" "$clients"
      done
    done
    printf '\nPeak RSS of the service (%s): %s; pgbench just before these rows: %s commits/s\n' "$mode" \
      "$(awk '/VmHWM/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$SERVICE_PID/status")" "$pace" | tee -a "$TABLE"
    stop_service
  done
}

# follow_clients WAY CLIENTS SECONDS: prints FollowClients' RESULT line (src/bench/java, run from source by the JDK).
follow_clients() {
  java -XX:TieredStopAtLevel=1 "$BENCH_DIR/java/FollowClients.java" "$URL" "$1" "$2" "$3" | grep '^RESULT' ||
    echo "RESULT requests=0 seconds=$3 p50_ms=- p99_ms=- errors=client-failed"
}

# The ways a client learns an operation's outcome, in one run of the async service: polling queue every 100 ms,
# subscribing to operationStates, and asking the mutation's request to wait (Prefer: wait=10).
phase_follow() {
  local s0 p0 s1 p1 result
  reset_database
  start_service async all follow
  setup_carts
  log "follow: warming up for ${WARMUP}s of create-empty-cart, then each way for a third of that"
  wrk_run create-empty-cart 64 "$WARMUP" >/dev/null
  for way in poll subscribe wait; do follow_clients "$way" 64 $((WARMUP / 3)) >/dev/null; done
  await_drained "$SETTLE"
  psql_db -c "analyze"
  {
    echo
    echo "| async createEmptyCart, then learn the outcome by | clients | outcomes/s | mutation sent → outcome known, p50 / p99 ms | CPU ms per outcome: service / PostgreSQL | errors |"
    echo "|---|---|---|---|---|---|"
  } | tee -a "$TABLE"
  for way in poll subscribe wait; do
    log "follow: $way, 64 clients"
    s0=$(ticks "$SERVICE_PID"); p0=$(pg_ticks)
    result=$(follow_clients "$way" 64 "$DURATION")
    s1=$(ticks "$SERVICE_PID"); p1=$(pg_ticks)
    awk -v w="$way" -v n="$(field requests "$result")" -v s="$(field seconds "$result")" \
      -v p50="$(field p50_ms "$result")" -v p99="$(field p99_ms "$result")" -v cs=$((s1 - s0)) -v cp=$((p1 - p0)) \
      -v errors="$(field errors "$result")" 'BEGIN {
        per = n > 0 ? n : 1
        printf "| %s | 64 | %.0f | %s / %s | %.2f / %.2f | %s |\n", w, n / s, p50, p99, 10 * cs / per, 10 * cp / per, errors
      }' | tee -a "$TABLE"
    await_drained "$SETTLE"
  done
  stop_service
}

# JDK 25's AOT cache (JEP 483, 514, 515): classes loaded and linked, and method profiles, recorded while the service
# serves the benchmark's workloads, written when it exits; later phases start from it (AOT_OPTS).
phase_aot() {
  local cache="$WORK/app.aot"
  rm -f "$cache"
  reset_database
  AOT_OPTS="-XX:AOTCacheOutput=$cache"
  start_service async all aot-training
  setup_carts
  log "training the AOT cache for ${TRAINING}s"
  for workload in create-empty-cart add-products poll-queue; do
    wrk_run "$workload" 64 $((TRAINING / 3)) >/dev/null
  done
  local started=$SECONDS
  stop_service
  [ -f "$cache" ] || { log "no AOT cache was written (see $WORK/service-aot-training.log)"; exit 1; }
  printf '\nAOT cache: %s MiB, written in %d s after the service stopped\n' "$(du -m "$cache" | cut -f1)" \
    $((SECONDS - started)) | tee -a "$TABLE"
  AOT_OPTS="-XX:AOTCache=$cache"
}

# A fresh service's pace from its first request: createEmptyCart at 64 clients in 10 s slices, then its steady rate
# over the next 20 s, and the first slice that reached 80% of it (how long an added pod serves below its speed).
phase_warmup() {
  {
    echo
    echo "Warm-up: createEmptyCart, 64 clients, requests/s in 10 s slices from the first request; steady: the 20 s after them${BENCH_JAVA_OPTS:+ (JVM options: $BENCH_JAVA_OPTS)}${AOT_OPTS:+ (with $AOT_OPTS)}${BENCH_PREWARM:+ (after $BENCH_PREWARM)}${STOREFRONT_WARM_UP_ENABLED:+ (STOREFRONT_WARM_UP_ENABLED=$STOREFRONT_WARM_UP_ENABLED)}"
    echo
    echo "| mode | java | ready after | slices (requests/s) | steady requests/s | 80% reached after | service CPU s in the slices | of which the JIT's C1 / C2 threads |"
    echo "|---|---|---|---|---|---|---|---|"
  } | tee -a "$TABLE"
  for mode in $MODES; do
    reset_database
    start_service "$mode" all "warmup-$mode"
    local ready=$SERVICE_READY_S
    setup_carts
    [ -z "${BENCH_PREWARM:-}" ] || log "before the slices: $(wrk_run ${BENCH_PREWARM})"
    local slices="" rates=() result s0 s1 j0 j1 steady reached="not within the slices" i
    s0=$(ticks "$SERVICE_PID"); j0=$(compiler_ticks "$SERVICE_PID")
    for i in $(seq 1 "$WARMUP_SLICES"); do
      result=$(wrk_run create-empty-cart 64 10)
      rates+=("$(awk -v r="$(field requests "$result")" -v s="$(field seconds "$result")" 'BEGIN { printf "%.0f", r / s }')")
    done
    s1=$(ticks "$SERVICE_PID"); j1=$(compiler_ticks "$SERVICE_PID")
    result=$(wrk_run create-empty-cart 64 20)
    steady=$(awk -v r="$(field requests "$result")" -v s="$(field seconds "$result")" 'BEGIN { printf "%.0f", r / s }')
    for i in "${!rates[@]}"; do
      if [ "$reached" = "not within the slices" ] && [ "${rates[$i]}" -ge $((steady * 8 / 10)) ]; then
        reached="$(((i + 1) * 10)) s"
      fi
    done
    slices=$(IFS=' '; echo "${rates[*]}")
    printf '| %s | %s | %s s | %s | %s | %s | %s | %s |\n' "$mode" "$("$JAVA" -version 2>&1 | head -1 | sed 's/"//g')" \
      "$ready" "$slices" \
      "$steady" "$reached" "$(awk -v t=$((s1 - s0)) 'BEGIN { printf "%.1f", t / 100 }')" \
      "$(awk -v a="$j0" -v b="$j1" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.1f / %.1f", (y[1] - x[1]) / 100, (y[2] - x[2]) / 100 }')" | tee -a "$TABLE"
    stop_service
  done
}

# The modes' rows on stale statistics: autovacuum off and the only ANALYZE taken while the ledger was empty, then the
# ledger grows under load, as in a new deployment before autovacuum looks again. The plans must not depend on them:
# completed/s within 10% of the analyzed rows of the modes phase.
phase_stale() {
  psql_admin -c "alter system set autovacuum = off" -c "select pg_reload_conf()" >/dev/null
  {
    echo
    echo "On stale statistics (autovacuum off, the only ANALYZE taken on the empty ledger):"
  } | tee -a "$TABLE"
  header
  for mode in $MODES; do
    reset_database
    start_service "$mode" all "stale-$mode"
    setup_carts
    psql_db -c "analyze"
    wrk_run create-empty-cart 64 "$WARMUP" >/dev/null
    wrk_run add-products 64 "$WARMUP" >/dev/null
    await_drained "$SETTLE"
    for workload in $WORKLOADS; do
      for clients in $CLIENTS; do
        log "$mode on stale statistics: $workload, $clients clients"
        NO_ANALYZE=1 measure "$mode" "$workload" "$clients"
      done
    done
    stop_service
  done
  psql_admin -c "alter system set autovacuum = on" -c "select pg_reload_conf()" >/dev/null
}

# batch_histogram PORT: the processor's histogram of operations per transaction, "count sum le1 le10 ... le1000".
batch_histogram() {
  curl -s "http://127.0.0.1:$1/q/metrics" | awk '
    /^operations_batch_size_count/ { n = $2 } /^operations_batch_size_sum/ { sum = $2 }
    /^operations_batch_size_bucket/ { match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5); b[le] = $2 }
    END { print n + 0, sum + 0, b["1.0"] + 0, b["10.0"] + 0, b["50.0"] + 0, b["100.0"] + 0, b["250.0"] + 0, b["500.0"] + 0, b["1000.0"] + 0 }'
}

# The processor is paused while the backlog is accepted: warmed up like the modes, then its batches wait for a lock
# on the cart table that the benchmark holds, and the other commands wait in the broker.
phase_drain() {
  for workload in $DRAIN_WORKLOADS; do drain "$workload"; done
}

# drain WORKLOAD: the processor alone, on a backlog of the workload's commands.
drain() {
  local workload=$1
  log "drain ($workload): an api and a processor instance, warming up for ${WARMUP}s"
  reset_database
  start_service async processor drain-processor "$PROCESSOR_PORT"
  PROCESSOR_PID=$SERVICE_PID
  start_service async api drain-api
  setup_carts
  wrk_run "$workload" 64 "$WARMUP" >/dev/null
  await_drained "$SETTLE"
  psql_db -c "analyze"
  local before
  before=$(psql_db -c "select count(*) from operation")
  log "drain: pausing the processor, accepting $DRAIN_OPS commands"
  psql_db -c "set application_name = 'bench-pause'" -c "begin" -c "lock table cart in share mode" \
    -c "select pg_sleep(3600)" >/dev/null 2>&1 &
  PAUSE_PID=$!
  for _ in $(seq 1 100); do
    [ "$(psql_db -c "select count(*) from pg_stat_activity where application_name = 'bench-pause' and state = 'active'")" = 1 ] && break
    sleep 0.2
  done
  [ "$(psql_db -c "select count(*) from pg_locks l join pg_stat_activity a using (pid) where a.application_name = 'bench-pause' and l.relation = 'cart'::regclass and l.granted")" = 1 ] ||
    { log "drain: could not pause the processor"; exit 1; }
  local accepted=0
  while [ "$accepted" -lt "$DRAIN_OPS" ]; do
    wrk_run "$workload" 64 5 >/dev/null
    accepted=$(($(psql_db -c "select count(*) from operation") - before))
  done
  stop_service
  # The cart table is locked: its statistics are those of the warm-up.
  psql_db -c "analyze operation, operation_aggregate, operation_sequence, aggregate_progress"
  local h0 h1 start end
  h0=$(batch_histogram "$PROCESSOR_PORT")
  log "drain: $accepted accepted; resuming the processor"
  start=$(psql_db -c "select extract(epoch from clock_timestamp())")
  psql_db -c "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'bench-pause'" >/dev/null
  wait "$PAUSE_PID" 2>/dev/null || true
  PAUSE_PID=""
  # Each look counts the unfinished operations, a scan of the backlog: every 2 s, and the drain ends at the last
  # operation's finishing time rather than at the look that saw it.
  await_drained 1800 2
  end=$(psql_db -c "select extract(epoch from max(finished_at)) from operation")
  h1=$(batch_histogram "$PROCESSOR_PORT")
  local left republished steady
  left=$(unfinished)
  republished=$(psql_db -c "select coalesce(sum(republished), 0) from operation")
  # The middle 80% of the backlog's operations by finishing time: the drain without its first and last batches.
  steady=$(psql_db -c "select round(0.8 * count(*) / nullif(extract(epoch from percentile_cont(0.9) within group (order by finished_at - 'epoch') - percentile_cont(0.1) within group (order by finished_at - 'epoch')), 0)) from operation where finished_at > to_timestamp($start)")
  awk -v w="$workload" -v n="$accepted" -v s="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" -v left="$left" -v r="$republished" \
    -v steady="$steady" -v h0="$h0" -v h1="$h1" 'BEGIN {
    split(h0, a, " "); split(h1, b, " "); for (i in b) d[i] = b[i] - a[i]
    printf "\nDrain (%s): %d commands accepted while the processor (warmed up for the same time as the modes) was paused, then drained in %.2f s: %.0f ops/s; middle 80%% of the operations: %s ops/s; %d batches of %.0f operations on average (at most 10: %d, 11 to 100: %d, 101 to 250: %d, 251 to 500: %d, 501 to 1000: %d, just over 1000, as a batch takes whole messages: %d); %d left unfinished; %d relay republishes\n",
      w, n, s, (n - left) / s, steady, d[1], d[1] ? d[2] / d[1] : 0, d[4], d[6] - d[4], d[7] - d[6], d[8] - d[7], d[9] - d[8], d[1] - d[9], left, r
  }' | tee -a "$TABLE"
  SERVICE_PID=$PROCESSOR_PID
  PROCESSOR_PID=""
  stop_service
}

phase_ledger() {
  reset_database
  start_service async all ledger
  log "ledger growth: warming up for ${WARMUP}s, then starting from a small ledger"
  wrk_run create-empty-cart 16 "$WARMUP" >/dev/null
  await_drained "$SETTLE"
  psql_db -c "truncate operation_dead_letter, operation_aggregate, operation, operation_sequence, aggregate_progress, cart_item, cart"
  wrk_run create-empty-cart 1 2 >/dev/null
  await_drained "$SETTLE"
  local small large
  small=$(psql_db -c "select count(*) from operation")
  header
  measure async create-empty-cart 16
  log "ledger growth: inserting $LEDGER_ROWS finished operations"
  psql_db -v rows="$LEDGER_ROWS" -f "$BENCH_DIR/ledger-history.sql"
  large=$(psql_db -c "select count(*) from operation")
  measure async create-empty-cart 16
  printf '(the two rows above: the same load, with %s and with %s operations in the ledger when it started)\n' \
    "$small" "$large" | tee -a "$TABLE"
  stop_service
}

# Retention under load: a ledger of RETENTION_ROWS finished operations issued over the 8 days before the run, in
# partitions of a day, and a service that keeps operations for a period after which the oldest partition expires while
# the second of three rows of async createEmptyCart runs; the first and third forget nothing. Then the rejected
# alternative on the next partition, without load: deleting its rows.
phase_retention() {
  reset_database
  start_service async all retention-setup
  setup_carts
  stop_service
  log "retention: inserting $RETENTION_ROWS finished operations issued over 8 days"
  local started=$SECONDS oldest second upper expiry
  psql_db -v rows="$RETENTION_ROWS" -v days=8 -f "$BENCH_DIR/retention-history.sql" >/dev/null
  printf '\nRetention: %s finished operations issued over the 8 days before the run, inserted in %d s; partitions of a day\n' \
    "$RETENTION_ROWS" $((SECONDS - started)) | tee -a "$TABLE"
  partition_sql="select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'operation'::regclass and c.relname <> 'operation_default' order by c.relname"
  oldest=$(psql_db -c "$partition_sql limit 1")
  second=$(psql_db -c "$partition_sql offset 1 limit 1")
  local second_suffix=${second#operation_}
  local oldest_rows second_rows
  oldest_rows=$(psql_db -c "select count(*) from $oldest")
  second_rows=$(psql_db -c "select count(*) from $second")
  upper=$(psql_db -c "select ('x' || lpad(substring(pg_get_expr(relpartbound, oid) from 'TO \(''([0-9a-f]{12})'), 16, '0'))::bit(64)::bigint / 1000 from pg_class where relname = '$oldest'")
  # The oldest partition expires 200 s from now: after the warm-up and the first row, 5 s into the second. The rows
  # after the first take no ANALYZE, which would take longer than that on this ledger.
  expiry=$(($(date +%s) + 200))
  OPERATIONS_RETENTION_PERIOD="$((expiry - upper))s" OPERATIONS_RETENTION_INTERVAL=1s start_service async all retention
  log "retention: warming up for 60s"
  wrk_run create-empty-cart 64 60 >/dev/null
  await_drained "$SETTLE"
  header
  measure async create-empty-cart 64
  local first_to=$ROW_TO
  while [ "$(date +%s)" -lt $((expiry - 5)) ]; do sleep 0.2; done
  NO_ANALYZE=1 measure async create-empty-cart 64
  local purge_from=$ROW_FROM purge_to=$ROW_TO
  NO_ANALYZE=1 measure async create-empty-cart 64
  local purged
  purged=$(grep -m1 -o 'Forgot the ledger partition[^"]*' "$WORK/service-retention.log" || true)
  printf '(the first row ended at %s; the second ran from %s to %s, and in it: %s, %s operations: %s)\n' \
    "$first_to" "$purge_from" "$purge_to" "$oldest" "$oldest_rows" "${purged:-no purge logged}" | tee -a "$TABLE"
  stop_service
  local lo hi deleted vacuumed
  read -r lo hi < <(psql_db -F ' ' -c "select substring(b from 'FROM \\(''([0-9a-f]+)'), substring(b from 'TO \\(''([0-9a-f]+)') from (select pg_get_expr(relpartbound, oid) as b from pg_class where relname = '$second') x")
  started=$(date +%s%N)
  psql_db -c "delete from operation_aggregate where operation_id >= '$lo' and operation_id < '$hi'" \
    -c "delete from operation where id >= '$lo' and id < '$hi'"
  deleted=$((($(date +%s%N) - started) / 1000000)); started=$(date +%s%N)
  psql_db -c "vacuum operation_aggregate_$second_suffix, $second"
  vacuumed=$((($(date +%s%N) - started) / 1000000))
  printf 'The rejected alternative, without load: deleting the %s operations of %s and their places took %d ms, and vacuuming the dead rows %d ms more (%.2f us per operation in all), against %s for dropping the partition\n' \
    "$second_rows" "$second" "$deleted" "$vacuumed" "$(awk -v m=$((deleted + vacuumed)) -v n="$second_rows" 'BEGIN { print 1000 * m / n }')" \
    "$(sed -n 's/.* in \([0-9]* ms\),.*/\1/p' <<<"$purged")" | tee -a "$TABLE"
}

main() {
  prepare
  {
    echo "Benchmark of $(git -C "$ROOT" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "Command: src/bench/run.sh (warm-up ${WARMUP}s, ${DURATION}s per row)"
  } >"$TABLE"
  cat "$TABLE"
  for phase in $PHASES; do "phase_$phase"; done
  log "table written to $TABLE"
}

main
