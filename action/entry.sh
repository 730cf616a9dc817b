#!/usr/bin/env bash
# The scan step of the onus GitHub Action (action.yml). Every input arrives as an environment
# variable and is only ever passed to onus as an argument, never evaluated:
#
#   ONUS_PATHS        files or directories, separated by whitespace (default: .)
#   ONUS_FAIL_ON      severity threshold or `never` (default: low)
#   ONUS_FORMAT       format printed to the log (default: github)
#   ONUS_OUTPUTS      extra reports, FORMAT=PATH separated by whitespace
#   ONUS_VAR_FILES    variable files, separated by whitespace
#   ONUS_CONFIG       configuration file (passed as --config when set)
#   ONUS_BASELINE     baseline file (passed as --baseline when set)
#   ONUS_SOFT_FAIL    `true`: findings never fail the step
#   ONUS_SARIF_FILE   where the SARIF report goes (default: onus.sarif)
#   ONUS_JOB_SUMMARY  `true`: append the markdown report to $GITHUB_STEP_SUMMARY
#
# It runs in $GITHUB_WORKSPACE, so report paths are relative to the repository root, writes
# `findings=N` and `sarif-file=PATH` to $GITHUB_OUTPUT, and exits 0 (clean, or soft-fail),
# 1 (findings at or above the threshold, or unreadable input) or 2 (usage or configuration
# error). Soft-fail turns only the first kind of 1 into 0: unreadable input still fails.
set -euo pipefail
# Whitespace-separated lists are split without expanding globs.
set -f

if [[ -n "${GITHUB_WORKSPACE:-}" ]]; then
  cd "$GITHUB_WORKSPACE"
fi

is_true() {
  case "$1" in
    true | True | TRUE | yes | Yes | YES | 1 | on | On | ON) return 0 ;;
    *) return 1 ;;
  esac
}

sarif_file="${ONUS_SARIF_FILE:-onus.sarif}"
work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/onus.XXXXXX")"
trap 'rm -rf "$work"' EXIT
markdown="$work/onus.md"
json="$work/onus.json"

args=(scan --format "${ONUS_FORMAT:-github}" --fail-on "${ONUS_FAIL_ON:-low}")
args+=(--output "sarif=$sarif_file" --output "markdown=$markdown" --output "json=$json")
for out in ${ONUS_OUTPUTS:-}; do
  args+=(--output "$out")
done
for vf in ${ONUS_VAR_FILES:-}; do
  args+=(--var-file "$vf")
done
if [[ -n "${ONUS_CONFIG:-}" ]]; then
  args+=(--config "$ONUS_CONFIG")
fi
if [[ -n "${ONUS_BASELINE:-}" ]]; then
  args+=(--baseline "$ONUS_BASELINE")
fi
# `--` so a path that starts with `-` is still a path.
args+=(--)
paths=()
for p in ${ONUS_PATHS:-.}; do
  paths+=("$p")
done
if [[ ${#paths[@]} -eq 0 ]]; then
  paths=(.)
fi
args+=("${paths[@]}")

status=0
onus "${args[@]}" || status=$?

if [[ $status -ge 2 || ! -f "$json" ]]; then
  echo "onus: the scan did not run (exit status $status); see the messages above" >&2
  exit "$(( status >= 2 ? status : 2 ))"
fi

# Read a count from the JSON report's summary: its keys are the only ones indented by four
# spaces whose value is a number.
summary_count() {
  sed -n "s/^    \"$1\": \([0-9][0-9]*\),\{0,1\}\$/\1/p" "$json" | head -n 1
}
findings="$(summary_count findings)"
findings="${findings:-0}"
errors="$(summary_count errors)"
errors="${errors:-0}"

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  {
    echo "findings=$findings"
    echo "sarif-file=$sarif_file"
  } >> "$GITHUB_OUTPUT"
fi

if is_true "${ONUS_JOB_SUMMARY:-true}" && [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  cat "$markdown" >> "$GITHUB_STEP_SUMMARY"
fi

if [[ $status -ne 0 ]] && is_true "${ONUS_SOFT_FAIL:-false}"; then
  if [[ $errors -gt 0 ]]; then
    # Soft-fail accepts findings, not a scan that could not read its input.
    echo "onus: $errors input(s) could not be read: the scan is incomplete" >&2
  else
    echo "onus: $findings finding(s); soft-fail is set, so the step passes" >&2
    status=0
  fi
fi
exit "$status"
