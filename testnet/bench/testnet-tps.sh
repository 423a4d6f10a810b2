#!/usr/bin/env bash
# Testnet TPS harness: `basalt testnet --load TPS` (4 nodes, 128 validators, 4 shards) on its own
# data dir and ports, run for SECONDS after genesis; prints the included TPS per shard and in total
# (basalt_shard_tps, averaged over one sample per slot, max over nodes per shard), the load
# generator's last counters and latencies (submission -> included -> finalized, cross-shard
# submission -> delivered; p50/p95 over a sample of about four transactions a second), the time
# from genesis to the first finalized epoch, and the finality lag (wall-clock epoch - finalized
# epoch) at the end.
# Needs the JSON-RPC server; run it under `flock /tmp/basalt-heavy.lock` on a shared machine.
# Usage: testnet/bench/testnet-tps.sh [TPS (default 2000)] [SECONDS (default 120)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tps="${1:-2000}"
seconds="${2:-120}"
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
samples=0
sum=0
first_final=""
end=$(($(date +%s) + seconds))
while [ "$(date +%s)" -lt "$end" ]; do
  sleep "$slot_s"
  total=0
  for s in $(seq 0 $((shards - 1))); do
    best=0
    for n in $(seq 0 $((nodes - 1))); do
      v="$(metric "$n" "basalt_shard_tps{shard=\"$s\"}")"
      best="$(awk -v a="$best" -v b="${v:-0}" 'BEGIN {print (b > a ? b : a)}')"
    done
    total="$(awk -v a="$total" -v b="$best" 'BEGIN {print a + b}')"
  done
  sum="$(awk -v a="$sum" -v b="$total" 'BEGIN {print a + b}')"
  samples=$((samples + 1))
  if [ -z "$first_final" ]; then
    f="$(metric 0 basalt_finalized_epoch)"
    [ "${f%.*}" -gt 0 ] 2>/dev/null && first_final=$(($(date +%s) - genesis))
  fi
done
finalized="$(metric 0 basalt_finalized_epoch)"
epoch=$((($(date +%s) - genesis) / slot_s / epoch_slots))
echo "offered load:        $tps TPS for ${seconds}s"
echo "included TPS (mean): $(awk -v s="$sum" -v n="$samples" 'BEGIN {printf "%.0f", (n ? s / n : 0)}') over $samples samples"
echo "first finality:      ${first_final:-none} s after genesis (sampled once a slot)"
echo "finality lag:        $((epoch - ${finalized%.*})) epochs (epoch $epoch, finalized ${finalized%.*})"
echo "generator:           $(grep -o 'load: .*' "$out" | tail -1)"
echo "logs:                $work"
