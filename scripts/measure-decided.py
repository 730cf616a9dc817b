#!/usr/bin/env python3
"""Counts undecided checks and header-anchored findings over fixtures/ and every rule example.
usage: measure.py ONUS_BINARY REPO"""
import json, os, re, subprocess, sys, tempfile, textwrap

onus, repo = sys.argv[1], sys.argv[2]

def scan(path):
    out = subprocess.run([onus, "scan", "--no-config", "--format", "json", "--fail-on", "never", path],
                         capture_output=True, text=True, cwd=repo)
    return json.loads(out.stdout)

def counts(report):
    f = report["findings"]
    header = sum(1 for x in f if x.get("attribute") is None)
    return len(f), header, len(report["undecided"])

total = {}
for fx in sorted(os.listdir(os.path.join(repo, "fixtures"))):
    total["fixtures/" + fx] = counts(scan(os.path.join("fixtures", fx)))

tmp = tempfile.mkdtemp()
n = 0
for dirpath, _, files in os.walk(os.path.join(repo, "rules")):
    for name in sorted(files):
        if not name.endswith(".hcl"):
            continue
        text = open(os.path.join(dirpath, name)).read()
        for m in re.finditer(r'example "(bad|good)" \{\s*code\s*=\s*<<-?(\w+)\n(.*?)\n\s*\2\n', text, re.S):
            n += 1
            d = os.path.join(tmp, f"{name[:-4]}-{m.group(1)}-{n}")
            os.makedirs(d)
            open(os.path.join(d, "main.tf"), "w").write(textwrap.dedent(m.group(3)) + "\n")
total["rule examples (%d)" % n] = counts(scan(tmp))
for k, (f, h, u) in total.items():
    print(f"{k:32} findings {f:5}  header-anchored {h:5}  undecided {u:5}")
print("total".ljust(32), " ".join(f"{a}" for a in map(sum, zip(*total.values()))))
