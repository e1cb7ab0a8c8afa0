# Shared by the scripts: where tools live, and an environment that never reaches outside
# the package registries.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Tools are installed once per machine, outside the checkout, so a fresh clone reuses them.
TOOLS=${RELAIS_TOOLS:-$HOME/.cache/relais/tools}
TRUNK_VERSION=0.21.14
WORKER_BUILD_VERSION=0.8.7

export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
export WASM_BINDGEN_BIN="$TOOLS/bin/wasm-bindgen"
export WASM_OPT_BIN="$ROOT/node_modules/.bin/wasm-opt"
export ESBUILD_BIN="$ROOT/node_modules/@esbuild/linux-x64/bin/esbuild"

# Each step with the time it began: a slow step shows in a log that has nothing else.
say() { printf '\033[1m==> %s %s\033[0m\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# True when OUTPUT exists and no file under INPUTS is newer: lets a second run skip builds.
up_to_date() {
  local output=$1; shift
  [ -e "$output" ] || return 1
  [ -z "$(find "$@" -newer "$output" -type f -print -quit 2>/dev/null)" ]
}
