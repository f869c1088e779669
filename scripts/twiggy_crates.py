#!/usr/bin/env python3
"""Groups `twiggy top` rows of a wasm with a name section by crate (shallow bytes), so the
report can say where the phone app's bytes are. Usage: twiggy_crates.py FILE.wasm [N].
Rules, first match wins: data segments; serde_json; serde_wasm_bindgen; other serde
(derived Deserialize/Serialize impls and visitors); then the first crate in the name.
core::fmt is its own row (formatting machinery)."""
import csv, io, re, subprocess, sys, collections

wasm = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
out = subprocess.run(["twiggy", "top", "-n", "1000000", "-f", "csv", wasm], check=True,
                     capture_output=True, text=True).stdout
rows = list(csv.DictReader(io.StringIO(out)))
crate_re = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::")

def bucket(name):
    if name.startswith("data segment") or name.startswith("data["):
        return "(data segments: strings, tables)"
    if name.startswith('"') or name.startswith("custom section"):
        return "(custom sections: names, producers)"
    if "serde_json" in name:
        return "serde_json"
    if "serde_wasm_bindgen" in name:
        return "serde_wasm_bindgen"
    if re.search(r"serde(_core)?::(de|ser)|Deserialize for|Serialize for|Visitor for|__FieldVisitor", name):
        owner = crate_re.findall(name)
        owner = [c for c, in [(o,) for o in owner] if c not in ("serde", "serde_core", "core", "alloc", "_")]
        return "serde derives (" + (owner[0] if owner else "?") + ")"
    if re.search(r"core(\[[0-9a-f]+\])?::fmt", name) and not name.startswith("<"):
        return "core::fmt (formatting)"
    m = crate_re.search(name.lstrip("<&*"))
    if m:
        c = m.group(1)
        if c in ("impl", "dyn", "mut"):
            ms = crate_re.findall(name)
            c = ms[0] if ms else "?"
        return c
    if name.startswith(("elem", "table", "type", "import", "export", "global", "memory")):
        return "(wasm structure: " + name.split("[")[0] + ")"
    return "(unnamed: " + name[:20] + ")"

total = collections.Counter(); count = collections.Counter()
grand = 0
for r in rows:
    name = r["Name"]
    if name.startswith("Σ") or name.startswith("..."):
        continue
    b = int(r["ShallowSize"])
    k = bucket(name)
    if k.startswith("(custom sections"):
        continue
    total[k] += b; count[k] += 1; grand += b
print(f"{'bucket':48} {'bytes':>9} {'%':>6} {'items':>6}")
for k, b in total.most_common(top):
    print(f"{k:48} {b:9d} {100*b/grand:6.1f} {count[k]:6d}")
print(f"{'TOTAL (without name/producers sections)':48} {grand:9d}")
