/**
 * The native matrix-product backend, on plain Java arrays (it never sees a {@code Tensor}): large products run in
 * OpenBLAS (JavaCPP's preset; Intel MKL when present; the Java kernels when asked for or when no natives load), with
 * the CPU kernel chosen by {@code OpenBlasSetup}, on the engine's arrays in place through the project's one JNI library
 * of its own ({@link org.autograd4j.core.HeapGemm}, source in {@code src/main/c}; it stays in
 * {@code org.autograd4j.core} because the library's symbols name that class).
 *
 * <p>API: {@link org.autograd4j.core.backend.BlasBackend} (which library runs, its threads, the environment set-up).
 * {@link org.autograd4j.core.backend.Blas} is public only for the ops in {@code org.autograd4j.core}
 * ({@code gemm}, {@code gemmAdd}, {@code runsNatively}) and is not API. The system properties
 * ({@code autograd4j.blas}, {@code autograd4j.blas.inPlace}) and the environment variable ({@code AUTOGRAD4J_BLAS})
 * are unchanged.
 */
package org.autograd4j.core.backend;
