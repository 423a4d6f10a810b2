#!/usr/bin/env python3
"""Counts the transactions in each shard's canonical blocks between two heights over JSON-RPC.

Usage: included-tps.py RPC_URL SHARDS snapshot        -> prints "h0,h1,..." (each shard's height)
       included-tps.py RPC_URL SHARDS count H0,H1,...  -> prints "total per-shard... (heights ...)": the
                                                         transactions in blocks after those heights
"""
import json
import sys
import urllib.request


def call(url, method, params):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.load(response)
    if "error" in answer:
        raise SystemExit(f"{method} on {url}: {answer['error']}")
    return answer["result"]


def main():
    url, shards, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    heights = [int(call(f"{url}/shard/{s}", "eth_blockNumber", []), 16) for s in range(shards)]
    if mode == "snapshot":
        print(",".join(str(h) for h in heights))
        return
    starts = [int(h) for h in sys.argv[4].split(",")]
    counts = []
    for shard, (start, end) in enumerate(zip(starts, heights)):
        total = 0
        for number in range(start + 1, end + 1):
            count = call(f"{url}/shard/{shard}", "eth_getBlockTransactionCountByNumber",
                         [hex(number)])
            # null: a reorg shortened the chain since eth_blockNumber; that height holds nothing.
            total += int(count, 16) if count is not None else 0
        counts.append(total)
    spans = ", ".join(f"{start}->{end}" for start, end in zip(starts, heights))
    print(sum(counts), " ".join(str(c) for c in counts), f"(heights {spans})")


if __name__ == "__main__":
    main()
