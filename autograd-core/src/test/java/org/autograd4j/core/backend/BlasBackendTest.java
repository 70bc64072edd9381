package org.autograd4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.autograd4j.core.backend.BlasBackend.Library.JAVA;
import static org.autograd4j.core.backend.BlasBackend.Library.MKL;
import static org.autograd4j.core.backend.BlasBackend.Library.OPENBLAS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.autograd4j.core.Tensor;
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
        assertEquals(new BlasBackend.Choice(MKL, null), BlasBackend.choose("auto", () -> LOADED));
        assertEquals(new BlasBackend.Choice(OPENBLAS, null), BlasBackend.choose("auto", () -> "not on the classpath"));
    }

    @Test
    void openBlasNeverTriesMkl() {
        BlasBackend.Choice c = BlasBackend.choose("openblas", () -> {
            throw new AssertionError("MKL must not be loaded");
        });
        assertEquals(new BlasBackend.Choice(OPENBLAS, null), c);
    }

    @Test
    void javaNeverTriesANativeLibrary() {
        BlasBackend.Choice c = BlasBackend.choose("java", () -> {
            throw new AssertionError("MKL must not be loaded");
        });
        assertEquals(new BlasBackend.Choice(JAVA, null), c);
    }

    @Test
    void mklAskedForButMissingSaysWhatToAdd() {
        BlasBackend.Choice c = BlasBackend.choose("mkl", () -> "its natives did not load: UnsatisfiedLinkError");
        assertFalse(c.mkl());
        assertTrue(c.failure().contains("autograd4j.blas=mkl"), c.failure());
        assertTrue(c.failure().contains("its natives did not load"), c.failure());
        assertTrue(c.failure().contains("org.bytedeco:mkl:2022.0-1.5.7"), c.failure());
        assertEquals(new BlasBackend.Choice(MKL, null), BlasBackend.choose("mkl", () -> LOADED));
    }

    @Test
    void anUnknownSettingIsRefusedWithTheValidOnes() {
        BlasBackend.Choice c = BlasBackend.choose("openblass", () -> LOADED);
        assertFalse(c.mkl());
        assertTrue(c.failure().contains("'openblass'") && c.failure().contains("[auto, openblas, mkl, java]"),
                c.failure());
    }

    @Test
    void thisProcessRunsANativeLibraryAndReportsIt() {
        // the CI's Java-only pass runs this suite with the backend forced to Java (see .ci/run)
        assumeFalse("java".equals(BlasBackend.setting()), "backend forced to Java");
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

    /** The thread count set before the natives load is the one OpenBLAS runs with (it defaults to one per CPU). */
    @Test
    void prepareEnvironmentWithThreadsSetsTheCountBeforeLoading() throws Exception {
        assertEquals("OPENBLAS 2500.0 " + IN_PLACE + " threads=1 set=true",
                runChild("-D" + BlasBackend.PROPERTY + "=openblas", "threads1"));
        assertEquals("BlasBackend.prepareEnvironment: the thread count must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> BlasBackend.prepareEnvironment(-1)).getMessage());
    }

    @Test
    void aForcedOpenBlasIsUsedEvenWithMklAround() throws Exception {
        assertEquals("OPENBLAS 2500.0 " + IN_PLACE, runChild("-D" + BlasBackend.PROPERTY + "=openblas"));
    }

    @Test
    void aForcedJavaLoadsNoNativesAndSaysSo() throws Exception {
        assertEquals("JAVA 2500.0 copying Java kernels (autograd4j.blas=java) natives: none",
                runChild("-D" + BlasBackend.PROPERTY + "=java", "describe"));
    }

    @Test
    void missingNativesFallBackToJavaAndSayWhy() throws Exception {
        // a platform whose natives are not on the classpath: JavaCPP names it from these two properties
        String out = runChild("-Dos.name=Mac_OS_X -Dos.arch=aarch64", "describe");
        assertTrue(out.startsWith("JAVA 2500.0 copying Java kernels (fallback: no native BLAS for macosx-arm64: "),
                out);
    }

    @Test
    void aBadSettingFailsTheFirstLargeProductWithAClearMessage() throws Exception {
        String out = runChild("-D" + BlasBackend.PROPERTY + "=fastest");
        assertTrue(out.startsWith("IllegalStateException gemm: autograd4j.blas (or AUTOGRAD4J_BLAS) must be one of"
                + " [auto, openblas, mkl, java], got 'fastest'"), out);
        assertEquals("IllegalStateException BlasBackend: autograd4j.blas (or AUTOGRAD4J_BLAS) must be one of"
                + " [auto, openblas, mkl, java], got 'fastest'", runChild("-D" + BlasBackend.PROPERTY + "=fastest",
                "describe"));
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

    /**
     * Runs {@link Child} in a fresh JVM on this test's classpath, with the given JVM options (space-separated; "_"
     * stands for a space inside one) and arguments; returns its one line of output.
     */
    private static String runChild(String options, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : options.split(" ")) {
            cmd.add(o.replace('_', ' '));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Child.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(BlasBackend.ENV);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /**
     * Multiplies two 50×50 matrices of ones (large enough for the native path) and prints the library used; with
     * the argument {@code describe}, also {@link BlasBackend#describe()} and whether any BLAS library was mapped; with
     * {@code threads1}, first {@link BlasBackend#prepareEnvironment(int)} with 1, then the thread count in force.
     */
    static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            try {
                if (args.length > 0 && args[0].equals("threads1")) {
                    boolean set = BlasBackend.prepareEnvironment(1);
                    Tensor a = Tensor.ones(50, 50);
                    double v = a.matmul(a).sum().item() / 50;
                    System.out.println(BlasBackend.current() + " " + v + " "
                            + (Blas.inPlaceAvailable() ? "in-place" : "copying") + " threads=" + BlasBackend.threads()
                            + " set=" + set);
                    return;
                }
                String described = args.length > 0 ? " " + BlasBackend.describe() : "";
                Tensor a = Tensor.ones(50, 50);
                double v = a.matmul(a).sum().item() / 50;
                System.out.println(BlasBackend.current() + " " + v + " "
                        + (Blas.inPlaceAvailable() ? "in-place" : "copying") + described
                        + (args.length > 0 ? " natives: " + nativesMapped() : ""));
            } catch (IllegalStateException | java.io.IOException e) {
                System.out.println(e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }

        /** The engine's native libraries (BLAS, JavaCPP, JNA, ours) mapped into this process: "none" or a list. */
        private static String nativesMapped() throws java.io.IOException {
            List<String> found = java.nio.file.Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(l -> l.substring(l.lastIndexOf('/') + 1))
                    .filter(f -> f.contains("blas") || f.contains("javacpp") || f.contains("jna")
                            || f.contains("autograd4j"))
                    .distinct().toList();
            return found.isEmpty() ? "none" : String.join(",", found);
        }
    }
}
