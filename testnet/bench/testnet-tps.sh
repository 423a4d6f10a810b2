#!/usr/bin/env bash
# Testnet TPS harness: `basalt testnet --load TPS` (4 nodes, 128 validators, 4 shards) on its own
# data dir and ports, measured for SECONDS after WARMUP seconds under the same load (default 120:
# the four node JVMs compile their hot code in the first two minutes or so, and the generator's
# lanes learn their nonces); prints the included TPS in total and per shard (transactions in the
# canonical blocks made during the window, counted over JSON-RPC by included-tps.py), the load
# generator's last counters and latencies (submission -> included -> finalized, cross-shard
# submission -> delivered; p50/p95 over a sample of about four transactions a second), the time
# from genesis to the first finalized epoch, and the finality lag (wall-clock epoch - finalized
# epoch) at the end and at its worst from the first finality on, warm-up included.
# Needs the JSON-RPC server; run it under `flock /tmp/basalt-heavy.lock` on a shared machine.
# Usage: testnet/bench/testnet-tps.sh [TPS (default 2000)] [SECONDS (default 120)] [WARMUP (default 120)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tps="${1:-2000}"
seconds="${2:-120}"
warmup="${3:-120}"
base="${BASALT_BENCH_BASE_PORT:-28545}"
work="$(mktemp -d /tmp/basalt-tps.XXXXXX)"
out="$work/launcher.log"
"$root/basalt" --version >/dev/null # builds first, outside the measured run
"$root/basalt" testnet --data-dir "$work/data" --base-port "$base" --load "$tps" </dev/null >"$out" 2>&1 &
launcher=$!
cleanup() { kill -TERM "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 120); do [ -f "$work/data/testnet.json" ] && grep -q controlPort "$work/data/testnet.json" && break; sleep 1; done
json() { python3 -c "import json,sys; print(json.load(open('$work/data/testnet.json'))$1)"; }
genesis="$(json "['genesisTime']")"
slot_s="$(json "['secondsPerSlot']")"
epoch_slots="$(json "['slotsPerEpoch']")"
shards="$(json "['shardCount']")"
nodes="$(json "['nodes'].__len__()")"
now="$(date +%s)"
[ "$now" -lt "$genesis" ] && sleep $((genesis - now))
metric() { curl -s "http://127.0.0.1:$((base + 555 + $1))/metrics" | awk -v m="$2" '$1==m {print $2}'; }
rpc0="http://127.0.0.1:$base"
count="$root/testnet/bench/included-tps.py"
first_final=""
max_lag=0
# Samples finality once a slot until $1 (epoch seconds).
watch_finality() {
  while [ "$(date +%s)" -lt "$1" ]; do
    sleep "$slot_s"
    f="$(metric 0 basalt_finalized_epoch)"
    f="${f%.*}"
    if [ -z "$first_final" ] && [ "${f:-0}" -gt 0 ]; then first_final=$(($(date +%s) - genesis)); fi
    epoch=$((($(date +%s) - genesis) / slot_s / epoch_slots))
    if [ -n "$first_final" ] && [ $((epoch - f)) -gt "$max_lag" ]; then max_lag=$((epoch - f)); fi
  done
}
watch_finality $(($(date +%s) + warmup))
t0="$(date +%s)"
h0="$("$count" "$rpc0" "$shards" snapshot)"
watch_finality $((t0 + seconds))
t1="$(date +%s)"
read -r included per_shard <<<"$("$count" "$rpc0" "$shards" count "$h0")"
finalized="$(metric 0 basalt_finalized_epoch)"
epoch=$((($(date +%s) - genesis) / slot_s / epoch_slots))
echo "offered load:        $tps TPS for ${seconds}s after ${warmup}s of warm-up under the same load"
echo "included TPS:        $(awk -v n="$included" -v s="$((t1 - t0))" 'BEGIN {printf "%.0f", n / s}') ($included transactions in canonical blocks in $((t1 - t0)) s; per shard: $per_shard)"
echo "first finality:      ${first_final:-none} s after genesis (sampled once a slot)"
echo "finality lag:        $((epoch - ${finalized%.*})) epochs at the end (epoch $epoch, finalized ${finalized%.*}); at most $max_lag from the first finality on"
echo "generator:           $(grep -o 'load: .*' "$out" | tail -1)"
echo "logs:                $work"
