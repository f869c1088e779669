#!/usr/bin/env python3
"""Trunk post_build hook (after precache.py): writes `.br` (quality 11) and `.gz` (level 9)
next to each hashed or vendored file, so the server sends the smallest encoding without
compressing the wasm again for every phone. Entry files (index.html, sw.js, the manifest)
are small and change between releases: the server compresses those on the fly."""
import gzip
import os
import pathlib
import shutil
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", root / "dist"))
SUFFIXES = {".wasm", ".js", ".css", ".svg", ".json", ".md"}
ENTRY = {"index.html", "sw.js", "manifest.webmanifest"}
brotli = shutil.which("brotli")
if not brotli:
    print("precompress: brotli not found (scripts/setup.sh installs it); writing .gz only", file=sys.stderr)

count = 0
for path in sorted(p for p in staging.rglob("*") if p.is_file()):
    if path.suffix not in SUFFIXES or path.name in ENTRY or path.stat().st_size < 1024:
        continue
    data = path.read_bytes()
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(data, 9, mtime=0))
    if brotli:
        subprocess.run([brotli, "-q", "11", "-f", "-o", str(path) + ".br", str(path)], check=True)
    count += 1
print(f"precompress: {count} files as .gz" + (" and .br" if brotli else ""))
