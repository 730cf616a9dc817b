#!/usr/bin/env bash
# The download step of the onus GitHub Action (action.yml): fetch the release archive of onus
# for this runner from the release that matches the Action's own ref, verify it against the
# release's SHA256SUMS, and put the binary on PATH.
#
#   ONUS_INSTALL           auto (default): download, build from source when there is no release
#                          release: download or fail; source: do nothing here
#   ONUS_ACTION_REF        the Action's ref (github.action_ref), e.g. v0.2.0
#   ONUS_RELEASE_BASE_URL  where releases live, e.g. https://github.com/OWNER/onus/releases/download
#   ONUS_TARGET            override the detected target triple (tests)
#   ONUS_INSTALL_DIR       where the binary goes (default: $RUNNER_TOOL_CACHE or $RUNNER_TEMP)
#
# Writes `installed=true|false` to $GITHUB_OUTPUT. Exits 0 when onus is installed or when, in
# auto mode, no release exists for the ref (the source build follows); exits 1 on a checksum
# mismatch (never falls back: a tampered or corrupt download is an error), and in release
# mode when the release cannot be fetched.
set -euo pipefail

mode="${ONUS_INSTALL:-auto}"
ref="${ONUS_ACTION_REF:-}"
base="${ONUS_RELEASE_BASE_URL:-}"
out="${GITHUB_OUTPUT:-/dev/null}"

note() { echo "onus: $*" >&2; }

# No release to use: fall back to source in auto mode, fail in release mode.
no_release() {
  if [[ "$mode" == "release" ]]; then
    echo "::error title=onus::$1 (install: release); use install: source or a released tag such as v0.1.0"
    note "$1"
    exit 1
  fi
  echo "::notice title=onus::$1; building onus from source instead"
  note "$1; building from source instead"
  echo "installed=false" >>"$out"
  exit 0
}

case "$mode" in
  auto | release) ;;
  source)
    echo "installed=false" >>"$out"
    exit 0
    ;;
  *)
    echo "::error title=onus::install must be auto, release or source, not '$mode'"
    exit 2
    ;;
esac

# Only a version tag has a release; a branch or a commit SHA does not.
if [[ ! "$ref" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]]; then
  no_release "no release for ref '${ref:-<none>}' (only version tags like v0.1.0 have one)"
fi
if [[ -z "$base" ]]; then
  no_release "no release URL"
fi

target="${ONUS_TARGET:-}"
if [[ -z "$target" ]]; then
  os="$(uname -s)"
  arch="$(uname -m)"
  case "$os/$arch" in
    Linux/x86_64) target=x86_64-unknown-linux-musl ;;
    Linux/aarch64 | Linux/arm64) target=aarch64-unknown-linux-musl ;;
    Darwin/x86_64) target=x86_64-apple-darwin ;;
    Darwin/arm64) target=aarch64-apple-darwin ;;
    MINGW* | MSYS* | CYGWIN* | Windows*) target=x86_64-pc-windows-msvc ;;
    *) no_release "no prebuilt onus for $os/$arch" ;;
  esac
fi
ext=""
archive="onus-$target.tar.gz"
if [[ "$target" == *windows* ]]; then
  ext=".exe"
  archive="onus-$target.zip"
fi

work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/onus-dl.XXXXXX")"
trap 'rm -rf "$work"' EXIT

fetch() {
  # -f: an HTTP error is a failure; bounded retries and time, so a dead network fails fast.
  curl -fsSL --retry 2 --retry-delay 1 --connect-timeout 10 --max-time 300 -o "$2" "$1" 2>"$work/curl.err"
}

url="$base/$ref"
if ! fetch "$url/SHA256SUMS" "$work/SHA256SUMS"; then
  no_release "could not download $url/SHA256SUMS ($(tr -d '\n' <"$work/curl.err"))"
fi
expected="$(awk -v f="$archive" '{ n = $2; sub(/^\*/, "", n) } n == f { print $1; exit }' "$work/SHA256SUMS")"
if [[ -z "$expected" ]]; then
  no_release "release $ref has no $archive"
fi
if ! fetch "$url/$archive" "$work/$archive"; then
  no_release "could not download $url/$archive ($(tr -d '\n' <"$work/curl.err"))"
fi

if command -v sha256sum >/dev/null 2>&1; then
  actual="$(sha256sum "$work/$archive" | cut -d ' ' -f 1)"
else
  actual="$(shasum -a 256 "$work/$archive" | cut -d ' ' -f 1)"
fi
if [[ "$actual" != "$expected" ]]; then
  echo "::error title=onus::checksum mismatch for $archive: SHA256SUMS says $expected, the download is $actual"
  note "checksum mismatch for $archive; not installing it"
  exit 1
fi

dest="${ONUS_INSTALL_DIR:-${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-$work}}/onus/$ref/$target}"
mkdir -p "$dest"
if [[ "$archive" == *.zip ]]; then
  unzip -q -o "$work/$archive" -d "$work/x"
else
  mkdir -p "$work/x"
  tar -xzf "$work/$archive" -C "$work/x"
fi
bin="$work/x/onus-$target/onus$ext"
if [[ ! -f "$bin" ]]; then
  echo "::error title=onus::$archive does not hold onus-$target/onus$ext"
  exit 1
fi
cp "$bin" "$dest/onus$ext"
chmod +x "$dest/onus$ext"
if [[ -n "${GITHUB_PATH:-}" ]]; then
  echo "$dest" >>"$GITHUB_PATH"
fi
echo "installed=true" >>"$out"
echo "path=$dest/onus$ext" >>"$out"
note "installed $("$dest/onus$ext" --version 2>/dev/null || echo "onus $ref") from $url/$archive (sha256 $actual)"
