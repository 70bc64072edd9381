package org.autograd4j.benchmarks;

import static org.autograd4j.core.nd4j.Nd4jInterop.toNd4j;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-op overhead: forward and backward of one op on {@code size} float32 elements, three ways — the engine
 * (recorded op, then {@code backward}), the same arithmetic as raw ND4J calls with no tape (temporaries closed, as ND4J
 * needs), and plain Java loops over {@code float[]} (outputs allocated, as a framework would). Elementwise ops and
 * {@code sum} run on a vector of {@code size}; {@code matmul} multiplies two matrices of {@code size} elements each
 * ([1,1]·[1,1], [2,4]·[4,2], 8², 64², 1024²). Backward formulas: add — the gradient passes through; mul — g·y and g·x;
 * sigmoid — g·s·(1−s); matmul — g·yᵀ and xᵀ·g; sum — g broadcast.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OpBench {
    /** The op. */
    @Param({"add", "mul", "sigmoid", "matmul", "sum"})
    public String op;

    /** Elements per operand. */
    @Param({"1", "8", "64", "4096", "1048576"})
    public int size;

    private int m;
    private int k;
    private int n;
    private Tensor x;
    private Tensor y;
    private Tensor seed;
    private INDArray ax;
    private INDArray ay;
    private INDArray aseed;
    private float[] fx;
    private float[] fy;
    private float[] fseed;

    /** Builds the operands of the implementation the benchmark method uses (ND4J loads only for {@code nd4j}). */
    @Setup
    public void setup(BenchmarkParams params) {
        Natives.configure(0);
        boolean matmul = op.equals("matmul");
        m = matmul ? matrixRows(size) : 1;
        k = matmul ? size / m : size;
        n = matmul ? m : 1;
        Random rng = new Random(Workload.SEED);
        fx = random(rng, m * k);
        fy = random(rng, matmul ? k * n : size);
        fseed = new float[matmul ? m * n : op.equals("sum") ? 1 : size];
        java.util.Arrays.fill(fseed, 1f);
        long[] xs = matmul ? new long[] {m, k} : new long[] {size};
        long[] ys = matmul ? new long[] {k, n} : new long[] {size};
        long[] zs = matmul ? new long[] {m, n} : new long[] {size};
        x = Tensor.of(fx, xs).requiresGrad(true);
        y = Tensor.of(fy, ys).requiresGrad(!op.equals("sigmoid") && !op.equals("sum"));
        seed = op.equals("sum") ? Tensor.scalar(1.0, DType.FLOAT32) : Tensor.of(fseed, zs);
        if (params.getBenchmark().endsWith(".nd4j")) {
            Natives.loadNd4j();
            ax = toNd4j(x);
            ay = toNd4j(y);
            aseed = toNd4j(seed);
        }
    }

    /** Rows of the left matrix for a matmul of {@code size}-element operands: 1, 2, 8, 64, 1024. */
    static int matrixRows(int size) {
        return size == 8 ? 2 : (int) Math.round(Math.sqrt(size));
    }

    private static float[] random(Random rng, int len) {
        float[] a = new float[len];
        for (int i = 0; i < len; i++) {
            a[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return a;
    }

    /** The engine: one recorded op and {@code backward}. */
    @Benchmark
    public Tensor engine() {
        x.zeroGrad();
        y.zeroGrad();
        Tensor z = switch (op) {
            case "add" -> x.add(y);
            case "mul" -> x.mul(y);
            case "sigmoid" -> x.sigmoid();
            case "matmul" -> x.matmul(y);
            default -> x.sum();
        };
        z.backward(seed);
        return x.grad();
    }

    /** Raw ND4J, no tape: the same forward and backward arithmetic; temporaries closed. */
    @Benchmark
    public void nd4j(Blackhole bh) {
        switch (op) {
            case "add" -> consumeAndClose(bh, ax.add(ay));
            case "mul" -> consumeAndClose(bh, ax.mul(ay), aseed.mul(ay), aseed.mul(ax));
            case "sigmoid" -> {
                INDArray s = Transforms.sigmoid(ax, true);
                INDArray g = s.rsub(1.0).muli(s).muli(aseed);
                consumeAndClose(bh, s, g);
            }
            case "matmul" -> consumeAndClose(bh, Nd4j.gemm(ax, ay, false, false), Nd4j.gemm(aseed, ay, false, true),
                    Nd4j.gemm(ax, aseed, true, false));
            default -> consumeAndClose(bh, ax.sum(), Nd4j.valueArrayOf(ax.shape(), aseed.getFloat(0)));
        }
    }

    private static void consumeAndClose(Blackhole bh, INDArray... arrays) {
        for (INDArray a : arrays) {
            bh.consume(a);
            a.close();
        }
    }

    /** Plain Java loops over float[], new output arrays. */
    @Benchmark
    public void java(Blackhole bh) {
        switch (op) {
            case "add" -> bh.consume(JavaOps.add(fx, fy));
            case "mul" -> {
                bh.consume(JavaOps.mul(fx, fy));
                bh.consume(JavaOps.mul(fseed, fy));
                bh.consume(JavaOps.mul(fseed, fx));
            }
            case "sigmoid" -> {
                float[] s = JavaOps.sigmoid(fx);
                bh.consume(JavaOps.sigmoidBackward(fseed, s));
            }
            case "matmul" -> {
                bh.consume(JavaOps.matmul(fx, fy, m, k, n));
                bh.consume(JavaOps.matmulTransB(fseed, fy, m, n, k));
                bh.consume(JavaOps.matmulTransA(fx, fseed, m, k, n));
            }
            default -> {
                bh.consume(JavaOps.sum(fx));
                bh.consume(JavaOps.filled(fx.length, fseed[0]));
            }
        }
    }
}
