/*
 * autograd4j: BLAS products on Java arrays in place, for org.autograd4j.core.HeapGemm.
 *
 * Why this exists: the bytedeco BLAS bindings take off-heap pointers (or copy Java arrays element by element through
 * Get<Type>ArrayElements), so every product paid for copying its operands out of the Java heap and its result back in,
 * 14-16 % of an mlp-mnist-shape training step. Here the arrays are locked with GetPrimitiveArrayCritical, which on
 * HotSpot hands out the arrays themselves, and the BLAS routine reads and writes them directly.
 *
 * The BLAS routine is not linked: Java passes its address, looked up in the library that the engine already loaded
 * (OpenBLAS or MKL), so this file depends on nothing but jni.h and libdl.
 *
 * Critical sections must be short and must not call back into the JVM: between Get and Release only the BLAS
 * routine runs. The Java side sends only products small enough to finish in milliseconds this way, since a critical
 * section holds off garbage collection.
 *
 * Build: autograd-core/src/main/c/build.sh (gcc, JDK headers), which the Maven build of autograd-core runs on
 * linux-x86_64 (its `native` profile); the jar ships the result. Nothing built is committed.
 */
#include <dlfcn.h>
#include <jni.h>
#include <stddef.h>

/* The oldest versions of the two symbols, so that the library loads on glibc before 2.34 too (ND4J's natives do). */
__asm__(".symver dlopen,dlopen@GLIBC_2.2.5");
__asm__(".symver dlsym,dlsym@GLIBC_2.2.5");

#ifndef HEAP_GEMM_SOURCE_SHA256
#define HEAP_GEMM_SOURCE_SHA256 "unknown"
#endif

typedef void (*sgemm_fn)(int order, int transA, int transB, int m, int n, int k, float alpha, const float *a,
                         int lda, const float *b, int ldb, float beta, float *c, int ldc);
typedef void (*dgemm_fn)(int order, int transA, int transB, int m, int n, int k, double alpha, const double *a,
                         int lda, const double *b, int ldb, double beta, double *c, int ldc);

enum { ROW_MAJOR = 101 };

/* The source's SHA-256 as the build saw it, so a test can tell a stale binary from the source beside it. */
JNIEXPORT jstring JNICALL Java_org_autograd4j_core_HeapGemm_sourceHash(JNIEnv *env, jclass cls) {
    (void) cls;
    return (*env)->NewStringUTF(env, HEAP_GEMM_SOURCE_SHA256);
}

/* The address of `symbol` in the already loaded library at `path` or its dependencies; 0 if absent. */
JNIEXPORT jlong JNICALL Java_org_autograd4j_core_HeapGemm_lookup(JNIEnv *env, jclass cls, jstring path,
                                                                  jstring symbol) {
    (void) cls;
    const char *p = (*env)->GetStringUTFChars(env, path, NULL);
    if (p == NULL) {
        return 0;
    }
    const char *s = (*env)->GetStringUTFChars(env, symbol, NULL);
    if (s == NULL) {
        (*env)->ReleaseStringUTFChars(env, path, p);
        return 0;
    }
    /* RTLD_NOLOAD: only a library that is loaded already; the handle keeps it loaded for the life of the process. */
    void *lib = dlopen(p, RTLD_LAZY | RTLD_NOLOAD);
    void *address = lib == NULL ? NULL : dlsym(lib, s);
    (*env)->ReleaseStringUTFChars(env, symbol, s);
    (*env)->ReleaseStringUTFChars(env, path, p);
    return (jlong) (size_t) address;
}

/*
 * Locks c, a and b (c first: it is the one written); false when one could not be locked, with an OutOfMemoryError
 * pending and nothing left locked. a and b may be the same array: critical regions nest.
 */
static int lock(JNIEnv *env, jarray a, jarray b, jarray c, void **pa, void **pb, void **pc) {
    *pc = (*env)->GetPrimitiveArrayCritical(env, c, NULL);
    if (*pc == NULL) {
        return 0;
    }
    *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    if (*pa == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, c, *pc, JNI_ABORT);
        return 0;
    }
    *pb = (*env)->GetPrimitiveArrayCritical(env, b, NULL);
    if (*pb == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, a, *pa, JNI_ABORT);
        (*env)->ReleasePrimitiveArrayCritical(env, c, *pc, JNI_ABORT);
        return 0;
    }
    return 1;
}

/* Unlocks in the reverse order; only c's contents count as written (JNI_ABORT for the operands). */
static void unlock(JNIEnv *env, jarray a, jarray b, jarray c, void *pa, void *pb, void *pc) {
    (*env)->ReleasePrimitiveArrayCritical(env, b, pb, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, c, pc, 0);
}

/*
 * c[cOff..] = op(a)·op(b) + beta·c, row-major, alpha 1. The Java side has checked every size, offset and array
 * length, and that c is neither a nor b.
 */
JNIEXPORT void JNICALL Java_org_autograd4j_core_HeapGemm_sgemm(JNIEnv *env, jclass cls, jlong fn, jint transA,
        jint transB, jint m, jint n, jint k, jfloatArray a, jint aOff, jint lda, jfloatArray b, jint bOff, jint ldb,
        jfloat beta, jfloatArray c, jint cOff, jint ldc) {
    (void) cls;
    void *pa, *pb, *pc;
    if (!lock(env, a, b, c, &pa, &pb, &pc)) {
        return;
    }
    ((sgemm_fn) (size_t) fn)(ROW_MAJOR, transA, transB, m, n, k, 1.0f, (float *) pa + aOff, lda,
                             (float *) pb + bOff, ldb, beta, (float *) pc + cOff, ldc);
    unlock(env, a, b, c, pa, pb, pc);
}

/* The float64 twin of the function above. */
JNIEXPORT void JNICALL Java_org_autograd4j_core_HeapGemm_dgemm(JNIEnv *env, jclass cls, jlong fn, jint transA,
        jint transB, jint m, jint n, jint k, jdoubleArray a, jint aOff, jint lda, jdoubleArray b, jint bOff, jint ldb,
        jdouble beta, jdoubleArray c, jint cOff, jint ldc) {
    (void) cls;
    void *pa, *pb, *pc;
    if (!lock(env, a, b, c, &pa, &pb, &pc)) {
        return;
    }
    ((dgemm_fn) (size_t) fn)(ROW_MAJOR, transA, transB, m, n, k, 1.0, (double *) pa + aOff, lda,
                             (double *) pb + bOff, ldb, beta, (double *) pc + cOff, ldc);
    unlock(env, a, b, c, pa, pb, pc);
}
