#!/usr/bin/env bash
# Tests the Action's download step (action/download.sh) against a fake release served on
# 127.0.0.1 by python3's http.server: a good archive installs, a bad checksum fails the step,
# a missing release or a dead server gives a clear message (and falls back in auto mode).
#
#   bash action/test/download_test.sh
#
# Needs bash, python3, curl, tar and sha256sum (or shasum). The "binary" in the fake release
# is a shell script, so no build of onus is needed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
script="$here/../download.sh"
tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

target=x86_64-unknown-linux-musl
sum() { if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }

# A fake release tree: releases/v9.9.9 (good), releases/v9.9.8 (SHA256SUMS does not match).
make_release() {
  local dir="$tmp/www/$1"
  mkdir -p "$dir/stage/onus-$target"
  printf '#!/bin/sh\necho "onus %s"\n' "${1#v}" >"$dir/stage/onus-$target/onus"
  chmod +x "$dir/stage/onus-$target/onus"
  tar -czf "$dir/onus-$target.tar.gz" -C "$dir/stage" "onus-$target"
  rm -rf "$dir/stage"
  (cd "$dir" && sum "onus-$target.tar.gz" >SHA256SUMS)
}
make_release v9.9.9
make_release v9.9.8
printf '%064d  onus-%s.tar.gz\n' 0 "$target" >"$tmp/www/v9.9.8/SHA256SUMS"

# Serve it on a free port of 127.0.0.1 only.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/www" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/v9.9.9/SHA256SUMS" >/dev/null 2>&1 && break
  sleep 0.1
done

passed=0
failed=0
# run NAME EXPECTED_STATUS EXPECTED_OUTPUT_REGEX [VAR=VALUE...]: run download.sh in a clean env.
run() {
  local name="$1" want="$2" pattern="$3"
  shift 3
  local case_dir="$tmp/case-$passed-$failed"
  mkdir -p "$case_dir"
  : >"$case_dir/output"
  : >"$case_dir/path"
  local status=0
  env -i PATH="$PATH" HOME="$HOME" RUNNER_TEMP="$case_dir" \
    GITHUB_OUTPUT="$case_dir/output" GITHUB_PATH="$case_dir/path" \
    ONUS_TARGET="$target" ONUS_INSTALL_DIR="$case_dir/bin" \
    ONUS_RELEASE_BASE_URL="http://127.0.0.1:$port" "$@" \
    bash "$script" >"$case_dir/log" 2>&1 || status=$?
  if [[ "$status" == "$want" ]] && grep -Eq -- "$pattern" "$case_dir/log" "$case_dir/output"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name (exit $status, wanted $want; expected /$pattern/)"
    sed 's/^/     | /' "$case_dir/log" "$case_dir/output"
    failed=$((failed + 1))
  fi
  last="$case_dir"
}

run "good release installs and verifies" 0 "installed=true" ONUS_ACTION_REF=v9.9.9
if [[ "$("$last/bin/onus" --version)" == "onus 9.9.9" ]] && grep -qx "$last/bin" "$last/path"; then
  echo "ok   installed binary runs and its directory is on GITHUB_PATH"
  passed=$((passed + 1))
else
  echo "FAIL installed binary or GITHUB_PATH"
  failed=$((failed + 1))
fi
run "bad checksum fails the step" 1 "checksum mismatch" ONUS_ACTION_REF=v9.9.8
if [[ ! -e "$last/bin/onus" ]]; then
  echo "ok   nothing installed after a bad checksum"
  passed=$((passed + 1))
else
  echo "FAIL a binary was installed despite the bad checksum"
  failed=$((failed + 1))
fi
run "bad checksum fails even in release mode" 1 "checksum mismatch" ONUS_ACTION_REF=v9.9.8 ONUS_INSTALL=release
run "missing release falls back to source (auto)" 0 "could not download .*/v1\.2\.3/SHA256SUMS.*building .*from source" ONUS_ACTION_REF=v1.2.3
run "missing release sets installed=false" 0 "^installed=false$" ONUS_ACTION_REF=v1.2.3
run "missing release fails with install: release" 1 "::error title=onus::could not download .*install: release" ONUS_ACTION_REF=v1.2.3 ONUS_INSTALL=release
run "branch ref has no release" 0 "no release for ref 'main'" ONUS_ACTION_REF=main
run "install: source skips the download" 0 "^installed=false$" ONUS_ACTION_REF=v9.9.9 ONUS_INSTALL=source
run "unknown install mode is an error" 2 "install must be auto, release or source" ONUS_ACTION_REF=v9.9.9 ONUS_INSTALL=bogus

# Network error: nothing listens any more.
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""
run "network error gives a clear message (release)" 1 "could not download http://127\.0\.0\.1:$port/v9\.9\.9/SHA256SUMS \(curl: \([0-9]+\)" ONUS_ACTION_REF=v9.9.9 ONUS_INSTALL=release
run "network error falls back to source (auto)" 0 "building onus from source instead" ONUS_ACTION_REF=v9.9.9

echo "download: $passed passed, $failed failed"
[[ "$failed" == 0 ]]
