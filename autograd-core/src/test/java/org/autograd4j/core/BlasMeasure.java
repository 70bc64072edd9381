package org.autograd4j.core;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Throwaway measurement of {@link Blas} (not a test: no assertions, run by hand). Prints the kernel OpenBLAS runs,
 * GFLOP/s of the native path at MLP and square sizes against {@code Nd4j.gemm} on ready INDArrays, and ns per call
 * of the Java and native paths around {@link Blas#JAVA_MAX_MACS}. Run it once as is and once with
 * {@code OPENBLAS_CORETYPE=Prescott} in the environment to see what the kernel choice is worth:
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.autograd4j.core.BlasMeasure</pre>
 */
public final class BlasMeasure {

    private static final Random RNG = new Random(1);

    private BlasMeasure() {
    }

    public static void main(String[] args) {
        System.out.println("env OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE")
                + " OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY"));
        System.out.println("chosenCoreType=" + OpenBlasSetup.chosenCoreType()
                + " tooLate=" + OpenBlasSetup.wasTooLate());
        System.out.println("native=" + Blas.nativeAvailable() + " openblas_get_corename="
                + OpenBlasSetup.loadedCoreName());

        boolean all = args.length == 0;
        if (all || Arrays.asList(args).contains("large")) {
            large();
        }
        if (all || Arrays.asList(args).contains("small")) {
            small();
        }
    }

    private static void large() {
        System.out.println("\n== large, native path (Blas) vs Nd4j.gemm into a ready c, GFLOP/s (median)");
        large("fwd  X·W     ", false, false, 128, 256, 784);
        large("dW   Xt·dY   ", true, false, 784, 256, 128);
        large("dX   dY·Wt   ", false, true, 128, 784, 256);
        for (int s : new int[] {256, 512, 1024}) {
            large("square " + s + "   ", false, false, s, s, s);
        }
    }

    private static void small() {
        System.out.println("\n== small: ns per call, Java loops vs native; NN / TN / NT / TT (f64, then f32)");
        int[][] shapes = {{1, 1, 1}, {2, 2, 2}, {1, 8, 1}, {1, 8, 8}, {4, 4, 4}, {8, 8, 8}, {100, 8, 2}, {16, 16, 16},
            {32, 32, 32}, {32, 64, 30}, {48, 48, 48}, {64, 64, 64}, {80, 80, 80}, {96, 96, 96}, {128, 128, 128},
            {128, 10, 64}, {64, 784, 32}};
        for (boolean f32 : new boolean[] {false, true}) {
            for (int[] s : shapes) {
                small(s[0], s[1], s[2], f32);
            }
        }
    }

    private static void large(String name, boolean ta, boolean tb, int m, int n, int k) {
        StringBuilder line = new StringBuilder(name);
        for (boolean f32 : new boolean[] {true, false}) {
            double[] a = rand(m * k, f32);
            double[] b = rand(k * n, f32);
            double[] c = new double[m * n];
            double flop = 2.0 * m * n * k;
            double blas = flop / nanos(() -> Blas.gemm(ta, tb, m, n, k, a, 0, b, 0, c, 0, f32), 0.6);
            DataType dt = f32 ? DataType.FLOAT : DataType.DOUBLE;
            try (INDArray x = Nd4j.rand(dt, ta ? k : m, ta ? m : k); INDArray y = Nd4j.rand(dt, tb ? n : k, tb ? k : n);
                 INDArray z = Nd4j.create(dt, m, n)) {
                double nd = flop / nanos(() -> Nd4j.gemm(x, y, z, ta, tb, 1.0, 0.0), 0.6);
                double ndAlloc = flop / nanos(() -> Nd4j.gemm(x, y, ta, tb).close(), 0.6);
                line.append(String.format("  %s: Blas %6.1f  Nd4j.gemm %6.1f (allocating %6.1f)",
                        f32 ? "f32" : "f64", blas, nd, ndAlloc));
            }
        }
        System.out.println(line);
    }

    private static void small(int m, int n, int k, boolean f32) {
        StringBuilder line = new StringBuilder(String.format("%s %4d x %4d x %4d (%7d MACs)", f32 ? "f32" : "f64",
                m, n, k, (long) m * n * k));
        double[] a = rand(m * k, f32);
        double[] b = rand(k * n, f32);
        double[] c = new double[m * n];
        boolean[][] cases = {{false, false}, {true, false}, {false, true}, {true, true}};
        for (boolean[] t : cases) {
            double java = nanos(() -> Blas.javaGemm(t[0], t[1], m, n, k, a, 0, b, 0, c, 0, f32), 0.15);
            double nat = nanos(() -> Blas.nativeGemm(t[0], t[1], m, n, k, a, 0, b, 0, c, 0, f32), 0.15);
            line.append(String.format(" | %9.0f %9.0f", java, nat));
        }
        System.out.println(line);
    }

    private static double[] rand(int len, boolean f32) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            x[i] = f32 ? (float) RNG.nextGaussian() : RNG.nextGaussian();
        }
        return x;
    }

    /** Median ns per run over 7 rounds of about seconds/7 each, after one warm-up round. */
    private static double nanos(Runnable r, double seconds) {
        long reps = 1;
        long t0 = System.nanoTime();
        r.run();
        long one = Math.max(1, System.nanoTime() - t0);
        reps = Math.max(1, (long) (seconds / 7 * 1e9 / one));
        double[] per = new double[8];
        for (int round = 0; round < per.length; round++) {
            long start = System.nanoTime();
            for (long i = 0; i < reps; i++) {
                r.run();
            }
            per[round] = (System.nanoTime() - start) / (double) reps;
            if (round == 0) {
                reps = Math.max(1, (long) (seconds / 7 * 1e9 / per[0]));
            }
        }
        double[] timed = Arrays.copyOfRange(per, 1, per.length);
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }
}
