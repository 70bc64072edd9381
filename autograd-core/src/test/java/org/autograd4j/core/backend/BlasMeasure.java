package org.autograd4j.core.backend;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Throwaway measurement of {@link Blas} (not a test: no assertions, run by hand). Prints the kernel OpenBLAS runs,
 * GFLOP/s of the native path at MLP and square sizes against {@code Nd4j.gemm}, and ns per call of the Java and
 * native paths around {@link Blas#JAVA_MAX_MACS}. Run it once as is and once with {@code OPENBLAS_CORETYPE=Prescott}
 * in the environment to see what the kernel choice is worth:
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     org.autograd4j.core.backend.BlasMeasure [large] [small]</pre>
 * Timings are the best of 7 rounds: the machine may be shared, and the best round is the least disturbed one.
 */
public final class BlasMeasure {

    private static final Random RNG = new Random(1);

    private BlasMeasure() {
    }

    public static void main(String[] args) {
        List<String> what = args.length == 0 ? List.of("large", "small") : Arrays.asList(args);
        System.out.println("env OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE")
                + " OMP_WAIT_POLICY=" + System.getenv("OMP_WAIT_POLICY"));
        System.out.println("chosenCoreType=" + OpenBlasSetup.chosenCoreType() + " tooLate=" + OpenBlasSetup.wasTooLate()
                + " native=" + BlasHooks.nativeAvailable() + " openblas_get_corename=" + OpenBlasSetup.loadedCoreName());
        if (what.contains("large")) {
            large();
        }
        if (what.contains("small")) {
            small();
        }
    }

    private static void large() {
        System.out.println("\n== GFLOP/s. Blas: the engine's arrays in and out (copies included)."
                + " Nd4j.gemm: on ready INDArrays"
                + " into a ready c. Nd4j+copies: INDArrays made from the double[] and the result read back.");
        for (boolean f32 : new boolean[] {true, false}) {
            large("fwd X·W    [128x784]@[784x256]", false, false, 128, 256, 784, f32);
            large("dW  Xt·dY  [784x128]@[128x256]", true, false, 784, 256, 128, f32);
            large("dX  dY·Wt  [128x256]@[256x784]", false, true, 128, 784, 256, f32);
            for (int s : new int[] {256, 512, 1024}) {
                large(String.format("square %-24d", s), false, false, s, s, s, f32);
            }
        }
    }

    private static void large(String name, boolean ta, boolean tb, int m, int n, int k, boolean f32) {
        double[] a = rand(m * k, f32);
        double[] b = rand(k * n, f32);
        double[] c = new double[m * n];
        double flop = 2.0 * m * n * k;
        float[] a32 = Floats.narrow(a);
        float[] b32 = Floats.narrow(b);
        float[] c32 = new float[m * n];
        double blas = flop / nanos(f32 ? () -> Blas.gemm(ta, tb, m, n, k, a32, 0, b32, 0, c32, 0)
                : () -> Blas.gemm(ta, tb, m, n, k, a, 0, b, 0, c, 0), 1.0);
        DataType dt = f32 ? DataType.FLOAT : DataType.DOUBLE;
        long[] shapeA = {ta ? k : m, ta ? m : k};
        long[] shapeB = {tb ? n : k, tb ? k : n};
        double ready;
        try (INDArray x = Nd4j.create(a, shapeA, dt); INDArray y = Nd4j.create(b, shapeB, dt);
             INDArray z = Nd4j.create(dt, m, n)) {
            ready = flop / nanos(() -> Nd4j.gemm(x, y, z, ta, tb, 1.0, 0.0), 1.0);
        }
        double copies = flop / nanos(() -> {
            try (INDArray x = Nd4j.create(a, shapeA, dt); INDArray y = Nd4j.create(b, shapeB, dt);
                 INDArray z = Nd4j.gemm(x, y, ta, tb)) {
                System.arraycopy(z.data().asDouble(), 0, c, 0, m * n);
            }
        }, 1.0);
        System.out.printf("%s %s  Blas %6.1f   Nd4j.gemm %6.1f   Nd4j+copies %6.1f%n",
                f32 ? "f32" : "f64", name, blas, ready, copies);
    }

    private static void small() {
        int[][] shapes = {{1, 1, 1}, {2, 2, 2}, {1, 8, 1}, {1, 8, 8}, {8, 1, 8}, {4, 4, 4}, {3, 5, 7}, {8, 8, 4},
            {8, 8, 8}, {100, 8, 2}, {12, 12, 12}, {16, 16, 16}, {24, 24, 24}, {32, 32, 32}, {32, 64, 30},
            {64, 30, 32}, {30, 64, 32}, {64, 64, 64}, {128, 128, 128}};
        System.out.println("\n== ns per call (m x n x k), Java loops / native, for NN | TN | NT | TT");
        for (boolean f32 : new boolean[] {false, true}) {
            for (int[] s : shapes) {  // warm both paths on every shape first: the engine's profile is mixed too
                small(s[0], s[1], s[2], f32, false);
            }
        }
        for (boolean f32 : new boolean[] {false, true}) {
            for (int[] s : shapes) {
                small(s[0], s[1], s[2], f32, true);
            }
        }
    }

    private static void small(int m, int n, int k, boolean f32, boolean print) {
        StringBuilder line = new StringBuilder(String.format("%s %3d x %3d x %3d (%7d MACs)", f32 ? "f32" : "f64",
                m, n, k, (long) m * n * k));
        double[] a = rand(m * k, f32);
        double[] b = rand(k * n, f32);
        double[] c = new double[m * n];
        float[] a32 = Floats.narrow(a);
        float[] b32 = Floats.narrow(b);
        float[] c32 = new float[m * n];
        boolean[][] cases = {{false, false}, {true, false}, {false, true}, {true, true}};
        double seconds = print ? 0.2 : 0.02;
        for (boolean[] t : cases) {
            double java = nanos(f32 ? () -> JavaGemm.gemm(t[0], t[1], m, n, k, a32, 0, b32, 0, c32, 0)
                    : () -> JavaGemm.gemm(t[0], t[1], m, n, k, a, 0, b, 0, c, 0), seconds);
            double nat = nanos(f32 ? () -> BlasHooks.nativeGemm(t[0], t[1], m, n, k, a32, 0, b32, 0, c32, 0)
                    : () -> BlasHooks.nativeGemm(t[0], t[1], m, n, k, a, 0, b, 0, c, 0), seconds);
            line.append(String.format(" | %8.0f %7.0f", java, nat));
        }
        if (print) {
            System.out.println(line);
        }
    }

    private static double[] rand(int len, boolean f32) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            x[i] = f32 ? (float) RNG.nextGaussian() : RNG.nextGaussian();
        }
        return x;
    }

    /** Best ns per run over 7 rounds of about seconds/8 each, after one round that also sizes the rounds. */
    private static double nanos(Runnable r, double seconds) {
        long t0 = System.nanoTime();
        r.run();
        long reps = Math.max(1, (long) (seconds / 8 * 1e9 / Math.max(1, System.nanoTime() - t0)));
        double[] per = new double[8];
        for (int round = 0; round < per.length; round++) {
            long start = System.nanoTime();
            for (long i = 0; i < reps; i++) {
                r.run();
            }
            per[round] = (System.nanoTime() - start) / (double) reps;
            if (round == 0) {
                reps = Math.max(1, (long) (seconds / 8 * 1e9 / per[0]));
            }
        }
        return Arrays.stream(per, 1, per.length).min().orElseThrow();
    }
}
