#!/usr/bin/env bash
# Builds native/mkl_vendor_shim.c into OUT (default ~/.cache/creamlab/native/libcreamlab_mkl_vendor_shim.so),
# the library the project's test JVMs preload (parent pom, surefire environmentVariables LD_PRELOAD;
# bench/run.sh). Run by Maven in the initialize phase of the root project; rebuilds only when the
# source is newer. Without a C compiler it says so and exits 0: the JVMs then run with MKL's stock
# dispatch (the dynamic loader prints one "cannot be preloaded" line per JVM; .ci/run installs gcc).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$HOME/.cache/creamlab/native/libcreamlab_mkl_vendor_shim.so}"
src="$here/mkl_vendor_shim.c"
if [ -f "$out" ] && [ "$out" -nt "$src" ]; then
    exit 0
fi
cc_bin="$(command -v cc || command -v gcc || true)"
if [ -z "$cc_bin" ]; then
    echo "[creamlab] no C compiler (cc/gcc): MKL keeps its stock CPU dispatch (slow GEMMs on AMD CPUs); see docs/benchmark.md" >&2
    exit 0
fi
mkdir -p "$(dirname "$out")"
tmp="$out.$$.tmp"
"$cc_bin" -O2 -shared -fPIC -nostdlib -o "$tmp" "$src"
mv -f "$tmp" "$out"
echo "[creamlab] built $out (MKL dispatches on CPU features, not vendor)"
