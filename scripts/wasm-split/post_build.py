#!/usr/bin/env python3
"""Trunk post_build hook (before precache.py): brings the lazy routes' wasm chunks that
scripts/wasm-split/wasm-bindgen set aside into the staging dir.

Each chunk is optimised like the main wasm (wasm-opt -Oz) and renamed with a hash of its
bytes (`split_progress-<16 hex>.wasm`, so the server sends it as immutable); the loader
`__wasm_split.js` keeps its name (the main module's JS imports it by that name; the server
revalidates it) and is rewritten to fetch the hashed chunks and to import the hashed main JS
(the same URL as index.html's, so both share one module instance). index.html gets a
preload of the loader. precache.py then precaches every chunk: lazy screens
open offline too."""
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys

staging = pathlib.Path(os.environ["TRUNK_STAGING_DIR"])
stash = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "wasm-split"
loader = stash / "__wasm_split.js"
mains = list(staging.glob("resapi-*.js"))
if len(mains) != 1:
    sys.exit(f"wasm-split: expected one resapi-*.js in {staging}, found {len(mains)}")
if '"./__wasm_split.js"' not in mains[0].read_text(encoding="utf-8"):
    print("wasm-split: no lazy routes in this build")
    sys.exit(0)
if not loader.is_file() or loader.stat().st_mtime < mains[0].stat().st_mtime - 600:
    # Without its loader the app would not start: fail the build rather than ship that.
    sys.exit("wasm-split: the app has lazy routes but this build was not split; "
             "build with scripts/build_web.sh (it puts scripts/wasm-split first on PATH)")
js = loader.read_text(encoding="utf-8").replace('"./resapi.js"', f'"./{mains[0].name}"')
# The loader is part of the first visit: drop its comment lines (one per chunk, naming the
# split points that share it), which were most of its bytes.
js = re.sub(r"^/\*.*\*/\n", "", js, flags=re.M)
release = os.environ.get("TRUNK_PROFILE") == "release"
for chunk in sorted(stash.glob("*.wasm")):
    if chunk.name == "resapi.wasm":
        continue
    out = staging / chunk.name
    if release:
        subprocess.run(["wasm-opt", "-Oz", str(chunk), "-o", str(out)], check=True)
    else:
        shutil.copyfile(chunk, out)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
    hashed = out.with_name(f"{chunk.stem}-{digest}.wasm")
    out.rename(hashed)
    if f'"./{chunk.name}"' not in js:
        sys.exit(f"wasm-split: {chunk.name} is not named in __wasm_split.js")
    js = js.replace(f'"./{chunk.name}"', f'"./{hashed.name}"')
    print(f"wasm-split: {hashed.name} ({hashed.stat().st_size} bytes)")
(staging / "__wasm_split.js").write_text(js, encoding="utf-8")

# The main JS imports the loader: without a preload it is requested only once the main JS
# has been parsed (≈ 100 ms on a slow phone's CPU, an extra round trip on a first visit).
# The chunks themselves are not preloaded: on a first visit they would share the slow line
# with the main module, and on a repeat visit a preloaded chunk compiled later, not sooner
# (measured: the app took over ≈ 100 ms later on a repeat visit).
html_path = staging / "index.html"
html = html_path.read_text(encoding="utf-8")
if "</head>" not in html:
    sys.exit("wasm-split: no </head> in index.html")
preload = "<link rel=modulepreload crossorigin href=/__wasm_split.js>"
html_path.write_text(html.replace("</head>", preload + "</head>", 1), encoding="utf-8")
