#!/usr/bin/env bash
# Whole-process scale benchmark: the lab in one JVM, `tunnelwatch run` in another, as a user runs
# them. See docs/performance.md, "The whole agent at fleet size".
set -euo pipefail

usage() {
  cat >&2 <<'EOF'
usage: bench/scale-benchmark.sh snmp|ssh ROUTERS [--interval SECONDS] [--intervals K]
           [--tunnels M] [--warmup-intervals W] [--baseline-sample N] [--walk-sample N]
           [--snmp-port PORT] [--workdir DIR]
  Starts `tunnelwatch lab --scale ROUTERSxM` and `tunnelwatch run` on a generated config
  (SNMPv2c-only or SSH-only devices, one per router), waits W intervals, then scrapes /metrics
  at K+1 interval boundaries and prints one JSON line: the share of devices polled successfully
  in every one of the K intervals, schedule lag p50/p99, skipped polls, agent CPU per poll,
  heap after GC, threads, RSS, /metrics and /probe scrape size and time, the load average.
  With --baseline-sample N (snmp only): prometheus-snmp-exporter on N routers of the same lab
  and Net-SNMP snmpbulkwalk on --walk-sample of them (one process per subtree, start-up
  subtracted), CPU ms per router each, and the agent's CPU per poll over theirs.
  Defaults: --interval 60 --intervals 3 --tunnels 4 --warmup-intervals 1 --baseline-sample 0
  --walk-sample 40 --snmp-port 17161.
  Needs agent/target/tunnelwatch.jar and demo/target/tunnelwatch-demo.jar
  (mvn -B -q -DskipTests package), java, jcmd, curl, python3; for baselines snmpbulkwalk,
  snmpget and prometheus-snmp-exporter.
EOF
  exit 2
}

[[ $# -ge 2 ]] || usage
MODE=$1
ROUTERS=$2
shift 2
[[ $MODE == snmp || $MODE == ssh ]] || usage
[[ $ROUTERS =~ ^[0-9]+$ ]] || usage
INTERVAL=60
INTERVALS=3
TUNNELS=4
SAMPLE=0
WALK_SAMPLE=40
WARMUP=1
SNMP_PORT=17161
WORKDIR=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --interval) INTERVAL=$2; shift 2 ;;
    --intervals) INTERVALS=$2; shift 2 ;;
    --tunnels) TUNNELS=$2; shift 2 ;;
    --baseline-sample) SAMPLE=$2; shift 2 ;;
    --walk-sample) WALK_SAMPLE=$2; shift 2 ;;
    --warmup-intervals) WARMUP=$2; shift 2 ;;
    --snmp-port) SNMP_PORT=$2; shift 2 ;;
    --workdir) WORKDIR=$2; shift 2 ;;
    *) usage ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
HELPER="$ROOT/bench/scale_bench.py"
AGENT_JAR="$ROOT/agent/target/tunnelwatch.jar"
LAB_JAR="$ROOT/demo/target/tunnelwatch-demo.jar"
for jar in "$AGENT_JAR" "$LAB_JAR"; do
  [[ -f $jar ]] || { echo "missing $jar: run mvn -B -q -DskipTests package" >&2; exit 2; }
done
if [[ -z $WORKDIR ]]; then
  WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/tunnelwatch-bench.XXXXXX")
fi
mkdir -p "$WORKDIR"
export TUNNELWATCH_LAB_PASSWORD=${TUNNELWATCH_LAB_PASSWORD:-bench-lab-password}
export TUNNELWATCH_LAB_COMMUNITY=${TUNNELWATCH_LAB_COMMUNITY:-bench-community}
export TUNNELWATCH_BENCH_COMMUNITY=$TUNNELWATCH_LAB_COMMUNITY
CLK_TCK=$(getconf CLK_TCK)

LAB_PID=""
AGENT_PID=""
EXPORTER_PID=""
SLEEP_PID=""
stop_pid() {
  local pid=$1
  [[ -n $pid ]] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  trap - EXIT INT TERM
  stop_pid "$SLEEP_PID"
  stop_pid "$EXPORTER_PID"
  stop_pid "$AGENT_PID"
  stop_pid "$LAB_PID"
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

log() { echo "[$(date +%T)] $*" >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
status_field() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }

LOAD_START=$(loadavg)
log "lab --scale ${ROUTERS}x$TUNNELS ($MODE), work dir $WORKDIR, load $LOAD_START"
LAB_ARGS=(lab --scale "${ROUTERS}x$TUNNELS" --r1-port 0 --r2-port 0 --lab-control 127.0.0.1:0
  --snmp-port "$SNMP_PORT" --inventory "$WORKDIR/inventory.json")
if [[ $MODE == snmp ]]; then
  LAB_ARGS+=(--ssh-routers 0)
else
  LAB_ARGS+=(--ssh-routers "$ROUTERS" --no-snmp)
fi
LAB_HEAP=${LAB_HEAP:-2g}
java "-Xmx$LAB_HEAP" -jar "$LAB_JAR" "${LAB_ARGS[@]}" >"$WORKDIR/lab.log" 2>&1 &
LAB_PID=$!
lab_started=$(date +%s.%N)
until grep -q 'lab running' "$WORKDIR/lab.log"; do
  kill -0 "$LAB_PID" 2>/dev/null || { tail -20 "$WORKDIR/lab.log" >&2; exit 1; }
  sleep 0.5
done
LAB_STARTUP=$(awk -v a="$(date +%s.%N)" -v b="$lab_started" 'BEGIN {printf "%.1f", a - b}')
log "lab running after ${LAB_STARTUP}s"

HTTP_PORT=$(free_port)
DEVICES=$(python3 "$HELPER" config "$WORKDIR/inventory.json" "$MODE" "$INTERVAL" \
  "127.0.0.1:$HTTP_PORT" "$WORKDIR/known_hosts" "$WORKDIR/tunnelwatch.yml")
touch "$WORKDIR/known_hosts"
[[ $DEVICES -eq $ROUTERS ]] || { echo "config has $DEVICES devices, not $ROUTERS" >&2; exit 1; }
AGENT_HEAP=${AGENT_HEAP:-1g}
java "-Xmx$AGENT_HEAP" -jar "$AGENT_JAR" run --config "$WORKDIR/tunnelwatch.yml" \
  >"$WORKDIR/agent.log" 2>&1 &
AGENT_PID=$!
BASE="http://127.0.0.1:$HTTP_PORT"
until curl -sf -o /dev/null "$BASE/metrics"; do
  kill -0 "$AGENT_PID" 2>/dev/null || { tail -20 "$WORKDIR/agent.log" >&2; exit 1; }
  sleep 0.5
done
READY=$(date +%s.%N)
log "agent serving /metrics (pid $AGENT_PID); first boundary in $((INTERVAL * WARMUP))s"

SCRAPE_TICKS=0
scrape() { # N: scrape /metrics into boundary-N.json; sets SCRAPE_BYTES, SCRAPE_SECONDS
  local before after out started
  before=$(ticks "$AGENT_PID")
  started=$(date +%s.%N)
  out=$(curl -sS -f -o "$WORKDIR/metrics.txt" -w '%{size_download} %{time_total}' \
    "$BASE/metrics") || {
    log "boundary $1: the /metrics scrape failed (curl exit $?); agent log: $WORKDIR/agent.log"
    exit 1
  }
  after=$(ticks "$AGENT_PID")
  SCRAPE_TICKS=$((SCRAPE_TICKS + after - before))
  read -r SCRAPE_BYTES SCRAPE_SECONDS <<<"$out"
  python3 "$HELPER" extract "$WORKDIR/metrics.txt" "$WORKDIR/boundary-$1.json" "$started" \
    "$(awk -v s="$started" -v d="$SCRAPE_SECONDS" 'BEGIN {printf "%.3f", s + d}')"
}

BOUNDARIES=()
for k in $(seq 0 "$INTERVALS"); do
  # boundaries to the millisecond: every window is one interval long, so it holds each
  # device's slot exactly once
  # in the background: `wait` lets a SIGINT/SIGTERM sent to this script alone run the trap now
  sleep "$(awk -v r="$READY" -v i="$INTERVAL" -v k="$((k + WARMUP))" -v now="$(date +%s.%N)" \
    'BEGIN {s = r + i * k - now; printf "%.3f", (s > 0 ? s : 0)}')" &
  SLEEP_PID=$!
  wait "$SLEEP_PID"
  SLEEP_PID=""
  if ((k == 0)); then
    TICKS0=$(ticks "$AGENT_PID")
    SCRAPE_TICKS=0
  fi
  scrape "$k"
  BOUNDARIES+=("$WORKDIR/boundary-$k.json")
  log "boundary $k: /metrics ${SCRAPE_BYTES} bytes in ${SCRAPE_SECONDS}s, load $(loadavg)"
done
TICKS1=$(ticks "$AGENT_PID")
LOAD_END=$(loadavg)
RESULT=$(python3 "$HELPER" result "$MODE" "$ROUTERS" "$INTERVAL" "${BOUNDARIES[@]}")

SHARDS=$(((ROUTERS + 1249) / 1250))
PROBE=$(curl -sf -o /dev/null -w '%{size_download} %{time_total}' \
  "$BASE/probe?shard=0&of=$SHARDS")
THREADS=$(status_field "$AGENT_PID" Threads)
RSS_KB=$(status_field "$AGENT_PID" VmRSS)
jcmd "$AGENT_PID" GC.run >/dev/null
HEAP_USED_KB=$(jcmd "$AGENT_PID" GC.heap_info | awk '/heap/ && /used/ {
  for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); print v; exit } }')
ERRORS=$(grep -c -E 'ERROR|Exception' "$WORKDIR/agent.log" || true)
LAB_TICKS=$(ticks "$LAB_PID")

BASELINE='null'
if [[ $MODE == snmp && $SAMPLE -gt 0 ]]; then
  log "baseline: Net-SNMP on $WALK_SAMPLE routers"
  WALK=$(python3 "$HELPER" walk-baseline "$WORKDIR/inventory.json" \
    "$TUNNELWATCH_LAB_COMMUNITY" "$WALK_SAMPLE")
  log "baseline: prometheus-snmp-exporter on $SAMPLE routers"
  python3 "$HELPER" exporter-config "$WORKDIR/inventory.json" "$TUNNELWATCH_LAB_COMMUNITY" \
    "$WORKDIR/snmp.yml"
  EXPORTER_PORT=$(free_port)
  prometheus-snmp-exporter --config.file="$WORKDIR/snmp.yml" \
    --web.listen-address="127.0.0.1:$EXPORTER_PORT" >"$WORKDIR/exporter.log" 2>&1 &
  EXPORTER_PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$EXPORTER_PORT/"; do
    kill -0 "$EXPORTER_PID" 2>/dev/null || { tail -20 "$WORKDIR/exporter.log" >&2; exit 1; }
    sleep 0.2
  done
  mapfile -t TARGETS < <(jq -r --argjson n "$SAMPLE" '[.routers[] | select(.snmp)] as $r
    | ($r | length / $n | floor | if . < 1 then 1 else . end) as $step
    | [range(0; $r | length; $step)][:$n][] | "\($r[.].snmp.host):\($r[.].snmp.port)"' \
    "$WORKDIR/inventory.json")
  for t in "${TARGETS[@]:0:10}"; do # warm-up
    curl -sf -o /dev/null "http://127.0.0.1:$EXPORTER_PORT/snmp?target=$t&module=tunnelwatch"
  done
  e0=$(ticks "$EXPORTER_PID")
  samples=0
  for t in "${TARGETS[@]}"; do
    n=$(curl -sf "http://127.0.0.1:$EXPORTER_PORT/snmp?target=$t&module=tunnelwatch" \
      | grep -c -v -e '^#' -e '^snmp_scrape' || true)
    samples=$((samples + n))
  done
  e1=$(ticks "$EXPORTER_PID")
  EXPORTER=$(jq -n --argjson t "$((e1 - e0))" --argjson n "${#TARGETS[@]}" \
    --argjson s "$samples" --argjson hz "$CLK_TCK" \
    '{routers: $n, samples_per_router: ($s / $n),
      cpu_ms_per_router: (($t * 1000 / $hz / $n) * 100 | round / 100)}')
  BASELINE=$(jq -n --argjson w "$WALK" --argjson e "$EXPORTER" \
    '{snmpbulkwalk: $w, snmp_exporter: $e}')
fi

jq -n -c --arg mode "$MODE" --argjson routers "$ROUTERS" --argjson tunnels "$TUNNELS" \
  --argjson interval "$INTERVAL" --argjson intervals "$INTERVALS" --argjson r "$RESULT" \
  --argjson ticks "$((TICKS1 - TICKS0))" --argjson scrape_ticks "$SCRAPE_TICKS" \
  --argjson hz "$CLK_TCK" --arg probe "$PROBE" --argjson metrics_bytes "$SCRAPE_BYTES" \
  --argjson metrics_s "$SCRAPE_SECONDS" --argjson threads "$THREADS" --argjson rss "$RSS_KB" \
  --argjson heap "${HEAP_USED_KB:-0}" --argjson errors "$ERRORS" \
  --argjson lab_startup "$LAB_STARTUP" --argjson lab_ticks "$LAB_TICKS" \
  --arg load_start "$LOAD_START" --arg load_end "$LOAD_END" --argjson baseline "$BASELINE" \
  --arg shards "$SHARDS" --argjson warmup "$WARMUP" '
  ($r.polls) as $polls
  | (($ticks - $scrape_ticks) * 1000 / $hz / (if $polls > 0 then $polls else 1 end)) as $cpu
  | {mode: $mode, routers: $routers, tunnels: $tunnels, interval_s: $interval,
     intervals: $intervals, warmup_intervals: $warmup} + $r + {
     agent_cpu_ms_per_poll: ($cpu * 1000 | round / 1000),
     agent_cpu_ms_per_poll_incl_scrapes:
       ($ticks * 1000 / $hz / (if $polls > 0 then $polls else 1 end) * 1000 | round / 1000),
     agent_cpu_s_window: ($ticks / $hz), agent_cpu_s_scrapes: ($scrape_ticks / $hz),
     heap_after_gc_mb: ($heap / 1024 | round),
     heap_after_gc_kb_per_device: ($heap / $routers * 10 | round / 10),
     threads: $threads, rss_mb: ($rss / 1024 | round),
     metrics_bytes: $metrics_bytes, metrics_s: $metrics_s,
     probe_shard: ("0 of " + $shards), probe_bytes: ($probe | split(" ")[0] | tonumber),
     probe_s: ($probe | split(" ")[1] | tonumber),
     agent_log_error_lines: $errors, lab_startup_s: $lab_startup,
     lab_cpu_s_total: ($lab_ticks / $hz), load_start: $load_start, load_end: $load_end,
     baseline: $baseline}
  | if .baseline then .agent_over_snmp_exporter =
        ((.agent_cpu_ms_per_poll / .baseline.snmp_exporter.cpu_ms_per_router) * 100 | round / 100)
      | .agent_over_snmpbulkwalk =
        ((.agent_cpu_ms_per_poll / .baseline.snmpbulkwalk.cpu_ms_per_router) * 100 | round / 100)
    else . end'
log "done; logs and scrapes in $WORKDIR"
