package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

/**
 * The choice of native library: the decision for each setting, and the real thing in fresh JVMs (the choice is made
 * once per process), where a bad setting must surface as a clear error on the first large product.
 */
class BlasBackendTest {
    /** What a child JVM reports by default: products in place wherever the engine's JNI library is built for. */
    private static final String IN_PLACE = "linux-x86_64".equals(Loader.getPlatform()) ? "in-place" : "copying";

    private static final String LOADED = null;

    @Test
    void autoTakesMklWhenItLoadsElseOpenBlas() {
        assertEquals(new BlasBackend.Choice(true, null), BlasBackend.choose("auto", () -> LOADED));
        assertEquals(new BlasBackend.Choice(false, null), BlasBackend.choose("auto", () -> "not on the classpath"));
    }

    @Test
    void openBlasNeverTriesMkl() {
        BlasBackend.Choice c = BlasBackend.choose("openblas", () -> {
            throw new AssertionError("MKL must not be loaded");
        });
        assertEquals(new BlasBackend.Choice(false, null), c);
    }

    @Test
    void mklAskedForButMissingSaysWhatToAdd() {
        BlasBackend.Choice c = BlasBackend.choose("mkl", () -> "its natives did not load: UnsatisfiedLinkError");
        assertFalse(c.mkl());
        assertTrue(c.failure().contains("autograd4j.blas=mkl"), c.failure());
        assertTrue(c.failure().contains("its natives did not load"), c.failure());
        assertTrue(c.failure().contains("org.bytedeco:mkl:2022.0-1.5.7"), c.failure());
        assertEquals(new BlasBackend.Choice(true, null), BlasBackend.choose("mkl", () -> LOADED));
    }

    @Test
    void anUnknownSettingIsRefusedWithTheValidOnes() {
        BlasBackend.Choice c = BlasBackend.choose("openblass", () -> LOADED);
        assertFalse(c.mkl());
        assertTrue(c.failure().contains("'openblass'") && c.failure().contains("[auto, openblas, mkl]"),
                c.failure());
    }

    @Test
    void thisProcessRunsANativeLibraryAndReportsIt() {
        BlasBackend.Library lib = BlasBackend.current();
        assertNotEquals(BlasBackend.Library.JAVA, lib, "no native BLAS loaded on the CI platform");
        String d = BlasBackend.describe();
        assertTrue(d.startsWith(lib == BlasBackend.Library.MKL ? "Intel" : "OpenBLAS"), d);
        assertTrue(d.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), "not one printable line: " + d);
        assertTrue(BlasBackend.threads() >= 1);
        assertEquals("BlasBackend.setThreads: the thread count must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> BlasBackend.setThreads(0)).getMessage());
        assertNull(Blas.failure());
    }

    @Test
    void setThreadsTakesEffectAndProductsStayRight() {
        int before = BlasBackend.threads();
        try {
            BlasBackend.setThreads(1);
            assertEquals(1, BlasBackend.threads());
            Tensor a = Tensor.ones(40, 50);
            assertEquals(40 * 40 * 50.0, a.matmul(a.transpose()).sum().item(), 0.0);
        } finally {
            BlasBackend.setThreads(before);
        }
    }

    @Test
    void aForcedOpenBlasIsUsedEvenWithMklAround() throws Exception {
        assertEquals("OPENBLAS 2500.0 " + IN_PLACE, runChild("-D" + BlasBackend.PROPERTY + "=openblas"));
    }

    @Test
    void aBadSettingFailsTheFirstLargeProductWithAClearMessage() throws Exception {
        String out = runChild("-D" + BlasBackend.PROPERTY + "=fastest");
        assertTrue(out.startsWith("IllegalStateException gemm: autograd4j.blas (or AUTOGRAD4J_BLAS) must be one of"),
                out);
    }

    @Test
    void mklAskedForFailsClearlyWhenMissingAndRunsWhenPresent() throws Exception {
        String out = runChild("-D" + BlasBackend.PROPERTY + "=mkl");
        if (BlasBackend.current() == BlasBackend.Library.MKL) {
            assertEquals("MKL 2500.0 " + IN_PLACE, out);
        } else {
            assertTrue(out.startsWith("IllegalStateException gemm: autograd4j.blas=mkl, but Intel MKL could not be"
                    + " loaded"), out);
        }
    }

    @Test
    void inPlaceProductsCanBeTurnedOffAndABadValueIsRefused() throws Exception {
        String openblas = "-D" + BlasBackend.PROPERTY + "=openblas -D" + BlasBackend.IN_PLACE_PROPERTY;
        assertEquals("OPENBLAS 2500.0 copying", runChild(openblas + "=false"));
        assertEquals("OPENBLAS 2500.0 " + IN_PLACE, runChild(openblas + "=TRUE"));
        assertEquals("IllegalStateException gemm: autograd4j.blas.inPlace must be true or false, got 'no'",
                runChild("-D" + BlasBackend.IN_PLACE_PROPERTY + "=no"));
    }

    /** Runs {@link Child} in a fresh JVM on this test's classpath; returns its one line of output. */
    private static String runChild(String property) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(property.split(" ")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Child.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(BlasBackend.ENV);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Multiplies two 50×50 matrices of ones (large enough for the native path) and prints the library used. */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            try {
                Tensor a = Tensor.ones(50, 50);
                double v = a.matmul(a).sum().item() / 50;
                System.out.println(BlasBackend.current() + " " + v + " "
                        + (Blas.inPlaceAvailable() ? "in-place" : "copying"));
            } catch (IllegalStateException e) {
                System.out.println("IllegalStateException " + e.getMessage());
            }
        }
    }
}
