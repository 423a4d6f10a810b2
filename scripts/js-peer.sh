#!/usr/bin/env bash
# Sourced by ./run-tests: installs the js-libp2p peer used by the interoperability tests, exactly
# as pinned in its package-lock.json, when it is missing or the lockfile changed.
basalt_js_peer_dir="networking/src/test/js"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "basalt: the libp2p interoperability tests need Node.js 20+ and npm ('apt-get install nodejs npm')." >&2
  exit 1
fi
if [ ! -f "$basalt_js_peer_dir/node_modules/.package-lock.json" ] ||
  [ "$basalt_js_peer_dir/package-lock.json" -nt "$basalt_js_peer_dir/node_modules/.package-lock.json" ]; then
  echo "Installing the js-libp2p interop peer (npm ci)"
  (cd "$basalt_js_peer_dir" && npm ci --no-audit --no-fund --loglevel=error) || {
    echo "basalt: npm ci failed in $basalt_js_peer_dir" >&2
    exit 1
  }
fi
