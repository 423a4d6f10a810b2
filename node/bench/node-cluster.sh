#!/usr/bin/env bash
# Node benchmark harness: a fresh genesis (64 validators), three validator nodes as OS processes on
# loopback, run for DURATION seconds; then a fourth node without validators syncs from genesis.
# Prints block import latency p50/p99 (bucket bounds of each node's basalt_block_import_seconds
# histogram), resident memory and CPU per node over 10 s, and the late node's range-sync time and
# speed (blocks/s, from its "Range sync done" log line) and shard heights against node 0's.
# Usage: node/bench/node-cluster.sh [DURATION_SECONDS (default 120)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${1:-120}"
work="$(mktemp -d /tmp/basalt-bench.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
"$root/basalt" genesis --out "$work/genesis" --validators 64 --nodes 3 --genesis-delay 15 >/dev/null
. "$root/scripts/java-home.sh"
cp="$(cat "$root/testnet/target/basalt.classpath")"
boot=""
start_node() { # index, with validators (yes|no)
  local i=$1
  local args=(--data-dir "$work/node-$i" --genesis "$work/genesis" --p2p-port $((19000 + i))
    --metrics-port $((19100 + i)) --rpc-port $((18545 + i)))
  if [ "$i" -gt 0 ]; then args+=(--bootnodes "$boot"); fi
  if [ "$2" = yes ]; then
    args+=(--validator-keys "$work/genesis/node-$i/validator-keys"
      --validator-passwords "$work/genesis/node-$i/validator-passwords")
  fi
  java -Xmx384m -XX:+UseSerialGC -cp "$cp" io.basalt.node.cli.BasaltCommand run "${args[@]}" \
    >"$work/node-$i.log" 2>&1 &
  pids[$i]=$!
}
metric() { curl -s "http://127.0.0.1:$((19100 + $1))/metrics" | awk -v m="$2" '$1==m {print $2}'; }
start_node 0 yes
for _ in $(seq 60); do
  boot="$(grep -o '/ip4/127.0.0.1/tcp/19000/p2p/[A-Za-z0-9]*' "$work/node-0.log" | head -1 || true)"
  [ -n "$boot" ] && break
  sleep 1
done
start_node 1 yes
start_node 2 yes
sleep "$duration"
cpu_before=()
for i in 0 1 2; do cpu_before[$i]=$(awk '{print $14+$15}' "/proc/${pids[$i]}/stat"); done
sleep 10
echo "node  rss_MiB  cpu_%  import_p50_ms  import_p99_ms  imports  head_slot  finalized_epoch"
for i in 0 1 2; do
  rss=$(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/${pids[$i]}/status")
  cpu_after=$(awk '{print $14+$15}' "/proc/${pids[$i]}/stat")
  cpu=$(((cpu_after - cpu_before[i]) * 100 / $(getconf CLK_TCK) / 10))
  read -r p50 p99 count < <(curl -s "http://127.0.0.1:$((19100 + i))/metrics" | awk '
    /^basalt_block_import_seconds_bucket/ {
      match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5); n[le] = $2; order[++k] = le }
    /^basalt_block_import_seconds_count/ { c = $2 }
    END { p50 = ""; p99 = ""
      for (j = 1; j <= k; j++) { le = order[j]
        if (p50 == "" && n[le] >= 0.5 * c) p50 = le
        if (p99 == "" && n[le] >= 0.99 * c) p99 = le }
      printf "%s %s %d\n", p50 * 1000, p99 * 1000, c }')
  echo "$i     $rss      $cpu      <=$p50          <=$p99          $count      $(metric "$i" basalt_head_slot)       $(metric "$i" basalt_finalized_epoch)"
done
head0=$(metric 0 basalt_head_slot)
t0=$(date +%s.%N)
start_node 3 no
for _ in $(seq 600); do
  h=$(metric 3 basalt_head_slot || true)
  if [ -n "$h" ] && awk -v h="$h" -v t="$head0" 'BEGIN { exit !(h >= t) }'; then break; fi
  sleep 0.5
done
t1=$(date +%s.%N)
echo "late node reached slot $head0 in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s (JVM start included)"
# The node's own figure for the beacon range sync alone (first request to caught up).
for _ in $(seq 20); do
  done_line="$(grep -o 'Range sync done: .*' "$work/node-3.log" | head -1 || true)"
  [ -n "$done_line" ] && break
  sleep 0.5
done
echo "late node ${done_line:-Range sync done: (no summary line in $work/node-3.log)}"
shards=""
for s in 0 1 2 3; do
  shards+=" $s:$(curl -s "http://127.0.0.1:19103/metrics" | awk -v m="basalt_shard_head_height{shard=\"$s\"}" '$1==m {print $2}')/$(curl -s "http://127.0.0.1:19100/metrics" | awk -v m="basalt_shard_head_height{shard=\"$s\"}" '$1==m {print $2}')"
done
echo "late node shard heights (late/node 0):$shards"
echo "logs in $work"
