package org.autograd4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.autograd4j.core.HeapGemm;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

/**
 * The in-place native products ({@link HeapGemm}): that they are in use where they should be, that the shipped library
 * matches its source, and the cases {@link BlasTest}'s sweep does not reach (aliased arrays, garbage collection
 * between products, the size limit).
 */
class HeapGemmTest {

    /**
     * A broken library or symbol look-up would silently fall back to copying; on the platform we ship, it must not. (A
     * build without gcc has no library, warns, and says so in {@link HeapGemm#FAILURE}; a gcc that fails fails the
     * build.)
     */
    @Test
    void inPlaceProductsAreInUseOnLinuxX8664() {
        assumeTrue("linux-x86_64".equals(Loader.getPlatform()), "the library is built for linux-x86_64 only");
        assumeTrue(HeapGemm.class.getResource("linux-x86_64/libautograd4j_heapgemm.so") != null,
                "built without the library (no gcc, or -P!native)");
        assumeTrue(BlasHooks.nativeAvailable(), "no native BLAS here");
        assertNull(HeapGemm.FAILURE);
        assertTrue(Blas.inPlaceAvailable(), "cblas_sgemm/cblas_dgemm not found in the loaded BLAS");
    }

    /** Catches a stale library in target/classes, built from another version of heap_gemm.c. */
    @Test
    void shippedLibraryWasBuiltFromTheSourceBesideIt() throws IOException, NoSuchAlgorithmException {
        assumeTrue(HeapGemm.AVAILABLE, "library not loadable here");
        byte[] source = Files.readAllBytes(Path.of("src/main/c/heap_gemm.c"));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source));
        assertEquals(hash, HeapGemm.sourceHash(), "rebuild: mvn -o generate-resources -pl autograd-core");
    }

    /** c may not be handed to BLAS while it is also an operand; such calls must take the copying path. */
    @Test
    void resultArrayThatIsAlsoAnOperandGivesTheProduct() {
        assumeTrue(BlasHooks.nativeAvailable(), "no native BLAS here");
        int n = 40;
        Random rng = new Random(3);
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextInt(9) - 4;  // small integers: every product below is exact, in float too
        }
        double[] square = new double[n * n];
        JavaGemm.gemm(false, true, n, n, n, a, 0, a, 0, square, 0);
        float[] f = Floats.narrow(a);
        float[] original = f.clone();
        BlasHooks.nativeGemm(false, true, n, n, n, a, 0, a, 0, a, 0);  // a = a·aᵀ
        Blas.gemmAdd(true, false, n, n, n, f, 0, f, 0, f, 0);      // f += fᵀ·f, f read before it is written
        for (int i = 0; i < n * n; i++) {
            assertEquals(square[i], a[i], 0.0, "a·aᵀ element " + i);
        }
        float[] expected = new float[n * n];
        JavaGemm.gemm(true, false, n, n, n, original, 0, original, 0, expected, 0);
        for (int i = 0; i < n * n; i++) {
            assertEquals(original[i] + expected[i], f[i], 0f, "f + fᵀ·f element " + i);
        }
    }

    /**
     * Products in several threads while another thread fills the heap and asks for collections: locked arrays must
     * neither move under BLAS nor hold the collector off for good.
     */
    @Test
    void productsStayRightWhileTheHeapIsCollected() throws Exception {
        assumeTrue(BlasHooks.nativeAvailable(), "no native BLAS here");
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            List<float[]> keep = new ArrayList<>();
            while (!stop.get()) {
                keep.add(new float[1 << 16]);
                if (keep.size() > 64) {
                    keep.clear();
                    System.gc();
                }
            }
        });
        churn.start();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < 60; r++) {
                        productMatchesJava(new Random(seed * 1000L + r), 20 + r % 30, 33, 17 + r % 5);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            stop.set(true);
            churn.join();
            pool.shutdownNow();
        }
    }

    /** Past {@link HeapGemm#MAX_MACS} the copying path runs, and the result is the same product. */
    @Test
    void productsPastTheLimitCopyAndStayRight() {
        assumeTrue(BlasHooks.nativeAvailable(), "no native BLAS here");
        int m = 512;
        int n = 512;
        int k = (int) (HeapGemm.MAX_MACS / (m * n)) + 1;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) - 3;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (i % 5) * 0.5f;
        }
        float[] c = new float[m * n];
        Blas.gemm(false, false, m, n, k, a, 0, b, 0, c, 0);
        for (int i : new int[] {0, 1, n + 3, m * n / 2 + 7, m * n - 1}) {
            int row = i / n;
            int col = i % n;
            double sum = 0;
            for (int p = 0; p < k; p++) {
                sum += (double) a[row * k + p] * b[p * n + col];
            }
            assertEquals(sum, c[i], 0.0, "element " + i);  // exact: small multiples of 0.5, far below 2^24
        }
    }

    private static void productMatchesJava(Random rng, int m, int n, int k) {
        float[] a = new float[m * k];
        float[] b = new float[n * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextInt(9) - 4;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextInt(9) - 4;
        }
        float[] expected = new float[m * n];
        float[] got = new float[m * n];
        JavaGemm.gemm(false, true, m, n, k, a, 0, b, 0, expected, 0);
        BlasHooks.nativeGemm(false, true, m, n, k, a, 0, b, 0, got, 0);
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 0f, "element " + i);  // exact: small integers
        }
    }
}
