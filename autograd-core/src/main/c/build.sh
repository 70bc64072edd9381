#!/usr/bin/env bash
# Builds the JNI library that HeapGemm loads, from heap_gemm.c, into the given file (the Maven build passes
# target/classes/org/autograd4j/core/linux-x86_64/libautograd4j_heapgemm.so; autograd-core's `native` profile, active
# on Linux x86-64, runs this at generate-resources). Needs gcc and a JDK (for jni.h; JAVA_HOME, else the javac on the
# PATH).
#
# Without gcc it builds nothing and says so, exit status 0: the jar then has no library, and at run time every native
# product copies its operands (BlasBackend.describe() says "operands copied (libautograd4j_heapgemm.so is not in this
# jar ...)"). A compiler that fails is an error. The library records the SHA-256 of the source it was built from
# (HeapGemm.sourceHash(), checked by HeapGemmTest).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/heap_gemm.c"
out="${1:?usage: build.sh OUTPUT_FILE}"
cc="${CC:-gcc}"
rm -f "$out"  # a library left by an earlier build must not outlive a failed or skipped one
if ! command -v "$cc" > /dev/null; then
    echo "[WARNING] autograd-core: no C compiler ($cc) on the PATH, so libautograd4j_heapgemm.so is not built;" \
        "native matrix products will copy their operands (BlasBackend.describe() says so). Install gcc, or build" \
        "with -P!native to skip this step." >&2
    exit 0
fi
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
hash="$(sha256sum "$src" | cut -d' ' -f1)"
mkdir -p "$(dirname "$out")"
"$cc" -O2 -fPIC -shared -std=c11 -Wall -Wextra -Werror \
    -I"$jdk/include" -I"$jdk/include/linux" \
    -DHEAP_GEMM_SOURCE_SHA256="\"$hash\"" \
    -Wl,-soname,libautograd4j_heapgemm.so -s \
    -o "$out" "$src" -Wl,--no-as-needed -l:libdl.so.2
echo "[INFO] autograd-core: built $(basename "$out") from heap_gemm.c (sha256 $hash)"
