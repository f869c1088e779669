#!/usr/bin/env python3
"""Trunk post_build hook: writes sw.js into the staging dir with this build's precache list.

The list and a version (a hash over every precached file) are substituted into
public/sw.js, so each release has a byte-different worker and the browser offers the update.
"""
import hashlib
import json
import os
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", root / "dist"))
template = (root / "public" / "sw.js").read_text(encoding="utf-8")

files = []
digest = hashlib.sha256()
for path in sorted(p for p in staging.rglob("*") if p.is_file()):
    rel = path.relative_to(staging).as_posix()
    # konsol/: the console's build (online only, never on a phone).
    if rel == "sw.js" or rel.endswith((".map", ".br", ".gz")) or rel.startswith("konsol/"):
        continue
    files.append("/" + rel)
    digest.update(rel.encode())
    digest.update(path.read_bytes())

manifest = {"version": digest.hexdigest()[:16], "files": files}
marker = "self.__PRECACHE = null;"
if marker not in template:
    sys.exit("public/sw.js lacks the precache marker line")
worker = template.replace(marker, "self.__PRECACHE = " + json.dumps(manifest) + ";")
(staging / "sw.js").write_text(worker, encoding="utf-8")
print(f"sw.js: {len(files)} files precached, version {manifest['version']}")
