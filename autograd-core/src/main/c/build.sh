#!/usr/bin/env bash
# Rebuilds the JNI library that HeapGemm loads, from heap_gemm.c, into the resources the jar ships.
# Needs gcc and a JDK (for jni.h). The build of the project itself never runs this: the library is committed, so a
# machine with only Java and Maven builds and runs everything. Run it after changing heap_gemm.c; HeapGemmTest fails
# while the committed library was built from another version of the source.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/heap_gemm.c"
out="$here/../resources/org/autograd4j/core/linux-x86_64/libautograd4j_heapgemm.so"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
hash="$(sha256sum "$src" | cut -d' ' -f1)"
mkdir -p "$(dirname "$out")"
gcc -O2 -fPIC -shared -std=c11 -Wall -Wextra -Werror \
    -I"$jdk/include" -I"$jdk/include/linux" \
    -DHEAP_GEMM_SOURCE_SHA256="\"$hash\"" \
    -Wl,-soname,libautograd4j_heapgemm.so -s \
    -o "$out" "$src" -Wl,--no-as-needed -l:libdl.so.2
echo "built $out from $src (sha256 $hash)"
