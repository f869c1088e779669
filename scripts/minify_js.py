#!/usr/bin/env python3
"""Trunk post_build hook (release builds): minifies the phone app's JavaScript with terser,
the wasm-bindgen glue and the split loader, which are on the first visit (trunk's own
minifier cannot parse the glue's `import`). The file names keep their hash (of the
unminified text, still unique per build); the integrity attribute index.html gives the main
JS (`modulepreload`) is computed again for the new bytes."""
import base64
import hashlib
import os
import pathlib
import re
import subprocess
import sys

if os.environ.get("TRUNK_PROFILE") != "release":
    sys.exit(0)
staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
terser = pathlib.Path(__file__).resolve().parent.parent / "tools/node_modules/.bin/terser"
html_path = staging / "index.html"
html = html_path.read_text(encoding="utf-8")
for js in sorted(staging.glob("resapi-*.js")) + sorted(staging.glob("__wasm_split.js")):
    before = js.stat().st_size
    subprocess.run([str(terser), str(js), "--module", "--compress", "--mangle", "--output", str(js)],
                   check=True)
    digest = base64.b64encode(hashlib.sha384(js.read_bytes()).digest()).decode()
    # The tag naming this file (any attribute order, quoted or not) gets the new digest.
    tag = re.compile(r"<link[^>]*/" + re.escape(js.name) + r"[^>]*>")
    html = tag.sub(lambda m: re.sub(r'integrity="?sha384-[A-Za-z0-9+/=]+"?',
                                    f'integrity="sha384-{digest}"', m.group(0)), html)
    print(f"minify: {js.name} {before} -> {js.stat().st_size} bytes")
html_path.write_text(html, encoding="utf-8")
