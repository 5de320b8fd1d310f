#!/usr/bin/env bash
# The model benchmark: creamlab (DJL, libtorch) next to the same model in PyTorch eager (Debian's
# python3-torch on OpenBLAS), printed as one side-by-side table. See docs/benchmark.md.
#
#   bench/run.sh                 # one engine thread on both sides (the project default)
#   THREADS=2 bench/run.sh       # N intra-op threads on both sides
#
# Environment: THREADS (1), TIMED_SMALL (12) and TIMED_MEDIUM (6) timed training steps after 3
# warm-up steps, LAUNCH=0 skips the runs in the project's launch environment (glibc malloc settings
# on both sides, plus the MKL vendor shim preloaded on creamlab's), FULL_ATTENTION=1 adds PyTorch's
# unchunked T=4096 forward (about a minute, 1.5 GB), BENCH_OUT (target/bench) keeps every log,
# JAVA_OPTS extra JVM flags. Runs one process at a time; 4-5 minutes on the shared 2-core box.
set -euo pipefail
cd "$(dirname "$0")/.."

THREADS=${THREADS:-1}
TIMED_SMALL=${TIMED_SMALL:-12}
TIMED_MEDIUM=${TIMED_MEDIUM:-6}
LAUNCH=${LAUNCH:-${TUNED:-1}}
OUT=${BENCH_OUT:-target/bench}
PY=/usr/bin/python3 # Debian's interpreter: python3-torch installs into its dist-packages
# The project's launch environment, as the parent pom gives it to every test JVM (surefire
# environmentVariables): glibc keeps freed memory in one arena instead of unmapping it (see
# docs/benchmark.md, "page faults"), and creamlab's JVM preloads native/mkl_vendor_shim.c so that
# libtorch's MKL uses its AVX-512 kernels on AMD CPUs. PyTorch gets the same malloc settings (its
# BLAS is OpenBLAS, which dispatches on CPU features already).
MALLOC_TUNED="MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=17179869184 MALLOC_ARENA_MAX=1"
SHIM="$HOME/.cache/creamlab/native/libcreamlab_mkl_vendor_shim.so"

log() { printf '[bench] %s\n' "$*" >&2; }

# ---------------------------------------------------------------- dependencies (once, quietly)
need=()
if ! [ -x "$PY" ] || ! "$PY" -c 'import torch' >/dev/null 2>&1; then need+=(python3-torch); fi
if ! dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null | grep -q 'install ok installed'; then
    need+=(libopenblas0-pthread)
fi
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} with apt-get (once)"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq python3-torch libopenblas0-pthread >/dev/null
fi
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo "?")
case "$blas" in
    *openblas*) ;;
    *) log "WARNING: libblas.so.3 resolves to $blas, not OpenBLAS; PyTorch will be slow (update-alternatives --config libblas.so.3-x86_64-linux-gnu)";;
esac

bash native/build-mkl-vendor-shim.sh "$SHIM"

# ---------------------------------------------------------------- build (only when needed)
# bin/creamlab launches the JVM (the classpath and launch environment the build writes); a reactor
# compile writes them with no install. Maven's output is shown when it fails.
classes=framework/target/classes/org/creamlab/bench/ModelBenchmark.class
if ! [ -f "$classes" ] || ! [ -s experiments/target/classpath.txt ] \
        || [ -n "$(find framework/src/main -newer "$classes" -name '*.java' -print -quit)" ] \
        || [ pom.xml -nt experiments/target/classpath.txt ]; then
    log "building (mvn -B -q compile)"
    if ! build_log=$(mvn -B -q compile 2>&1); then
        printf '%s\n' "$build_log" | tail -40 >&2
        log "FAILED: mvn -B -q compile"
        exit 1
    fi
fi
if [ "$LAUNCH" = 1 ] && ! [ -f "$SHIM" ]; then log "no MKL vendor shim (no C compiler?): the launch runs keep MKL's stock dispatch"; fi

rm -rf "$OUT"
mkdir -p "$OUT"

creamlab() { # creamlab LOGNAME launch|plain ARGS...
    local name=$1 plain=1
    [ "$2" = launch ] && plain=0
    shift 2
    log "creamlab $* ($name)"
    CREAMLAB_PLAIN=$plain bin/creamlab main org.creamlab.bench.ModelBenchmark -Dthreads="$THREADS" "$@" \
        >"$OUT/$name.log" 2>&1 \
        || { log "FAILED, see $OUT/$name.log"; tail -20 "$OUT/$name.log" >&2; exit 1; }
}

pytorch() { # pytorch LOGNAME ENVSPEC ARGS...
    local name=$1 envspec=$2
    shift 2
    log "pytorch $* ($name)"
    env $envspec OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS" \
        "$PY" bench/llama_reference.py "$@" --threads "$THREADS" >"$OUT/$name.log" 2>&1 \
        || { log "FAILED, see $OUT/$name.log"; tail -20 "$OUT/$name.log" >&2; exit 1; }
}

start=$(date +%s)
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
        "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "load before: $(uptime | sed 's/.*load average/load average/')"
    echo "threads: $THREADS on both sides (creamlab ai.djl.pytorch.num_threads, PyTorch torch.set_num_threads)"
    echo "creamlab: DJL 0.36.0, libtorch 2.7.1 CPU ($(ls "$HOME/.cache/creamlab/djl/pytorch" 2>/dev/null | head -1)), $(java -version 2>&1 | head -1)"
    echo "PyTorch: $("$PY" -c 'import torch; print(torch.__version__)' 2>/dev/null) (Debian python3-torch" \
        "$(dpkg-query -W -f='${Version}' python3-torch)), BLAS $blas ($(dpkg-query -W -f='${Version}' libopenblas0-pthread))"
} >"$OUT/header.txt"

# one process at a time, the two sides alternating
creamlab creamlab-train plain train "$TIMED_SMALL" "$TIMED_MEDIUM"
pytorch pytorch-train "" train --timed-small "$TIMED_SMALL" --timed-medium "$TIMED_MEDIUM"
for tl in "1024 4" "4096 4" "4096 2" "4096 1"; do
    set -- $tl
    creamlab "creamlab-forward-T$1-L$2" plain forward "$1" "$2"
    pytorch "pytorch-forward-T$1-L$2" "" forward --T "$1" --layers "$2"
done
if [ "$LAUNCH" = 1 ]; then
    creamlab creamlab-train-launch launch train "$TIMED_SMALL" "$TIMED_MEDIUM"
    pytorch pytorch-train-launch "$MALLOC_TUNED" train --timed-small "$TIMED_SMALL" --timed-medium "$TIMED_MEDIUM"
    creamlab creamlab-forward-T4096-L4-launch launch forward 4096 4
    pytorch pytorch-forward-T4096-L4-launch "$MALLOC_TUNED" forward --T 4096 --layers 4
fi
if [ "${FULL_ATTENTION:-0}" = 1 ]; then
    pytorch pytorch-forward-T4096-L4-full "" forward --T 4096 --layers 4 --chunk 0
fi

{
    cat "$OUT/header.txt"
    echo "load after: $(uptime | sed 's/.*load average/load average/'); benchmark wall time $(( $(date +%s) - start )) s"
    echo "launch environment: creamlab bin/creamlab (experiments/target/launch.env); PyTorch $MALLOC_TUNED"
    echo
    "$PY" bench/table.py "$OUT"
} | tee "$OUT/table.txt"
