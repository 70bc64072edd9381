package org.autograd4j.benchmarks;

import static org.autograd4j.core.nd4j.Nd4jInterop.toNd4j;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The GEMM bound of an {@code mlp-mnist-shape} step (784 → 256 → 128 → 10, batch 128, float32): its 3 forward and 5
 * backward matrix products alone — {@code X·W1, H1·W2, H2·W3}, then {@code H2ᵀ·dY, dY·W3ᵀ, H1ᵀ·dH2, dH2·W2ᵀ,
 * Xᵀ·dH1} — timed four ways: raw {@code Nd4j.gemm} with transpose flags ({@link #nd4j}); the engine's own GEMM as
 * a step runs it ({@link #engine}): the 3 forward products as {@code Tensor.matmul} under {@code noGrad}, the 5
 * backward ones by differentiating a retained graph of three chained matmuls ({@code Autograd.grad}), so core's
 * MatMul backward calls its GEMM with the transpose flags, exactly as in a step; {@code Tensor.matmul} under
 * {@code noGrad} on operands transposed beforehand ({@link #engineNoTranspose}: all eight as plain products); and
 * with the {@code transpose()} copies inside the timing ({@link #engineWithTranspose}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBoundBench {
    /** Native threads (OpenBLAS, OpenMP). */
    @Param({"1", "2"})
    public int threads;

    private Tensor x;
    private Tensor w1;
    private Tensor w2;
    private Tensor w3;
    private Tensor h1;
    private Tensor h2;
    private Tensor dy;
    private Tensor dh2;
    private Tensor dh1;
    private Tensor xT;
    private Tensor h1T;
    private Tensor h2T;
    private Tensor w2T;
    private Tensor w3T;
    private INDArray[] a;
    private Tensor chainOut;
    private List<Tensor> chainWeights;

    /** Random float32 operands of the step's shapes (values do not matter to GEMM speed). */
    @Setup
    public void setup() {
        Natives.configure(threads);
        Natives.loadNd4j();
        Random rng = new Random(Workload.SEED);
        x = rand(rng, 128, 784);
        w1 = rand(rng, 784, 256);
        w2 = rand(rng, 256, 128);
        w3 = rand(rng, 128, 10);
        h1 = rand(rng, 128, 256);
        h2 = rand(rng, 128, 128);
        dy = rand(rng, 128, 10);
        dh2 = rand(rng, 128, 128);
        dh1 = rand(rng, 128, 256);
        xT = x.transpose();
        h1T = h1.transpose();
        h2T = h2.transpose();
        w2T = w2.transpose();
        w3T = w3.transpose();
        Tensor v1 = w1.detach().requiresGrad(true);
        Tensor v2 = w2.detach().requiresGrad(true);
        Tensor v3 = w3.detach().requiresGrad(true);
        chainWeights = List.of(v1, v2, v3);
        chainOut = x.matmul(v1).matmul(v2).matmul(v3);
        a = new INDArray[] {toNd4j(x), toNd4j(w1), toNd4j(w2), toNd4j(w3), toNd4j(h1), toNd4j(h2), toNd4j(dy),
            toNd4j(dh2), toNd4j(dh1)};
    }

    private static Tensor rand(Random rng, long rows, long cols) {
        return Tensor.randn(rng, rows, cols).mul(0.1).to(DType.FLOAT32);
    }

    /** The 8 products as raw {@code Nd4j.gemm} calls; outputs closed. */
    @Benchmark
    public void nd4j(Blackhole bh) {
        INDArray ax = a[0];
        INDArray aw1 = a[1];
        INDArray aw2 = a[2];
        INDArray aw3 = a[3];
        INDArray ah1 = a[4];
        INDArray ah2 = a[5];
        INDArray ady = a[6];
        INDArray adh2 = a[7];
        INDArray adh1 = a[8];
        INDArray[] out = {Nd4j.gemm(ax, aw1, false, false), Nd4j.gemm(ah1, aw2, false, false),
            Nd4j.gemm(ah2, aw3, false, false), Nd4j.gemm(ah2, ady, true, false), Nd4j.gemm(ady, aw3, false, true),
            Nd4j.gemm(ah1, adh2, true, false), Nd4j.gemm(adh2, aw2, false, true), Nd4j.gemm(ax, adh1, true, false)};
        for (INDArray o : out) {
            bh.consume(o);
            o.close();
        }
    }

    /** The engine's GEMM as a step calls it: 3 forward products, then the 5 backward ones of a retained graph. */
    @Benchmark
    public void engine(Blackhole bh) {
        try (Autograd.Scope scope = Autograd.noGrad()) {
            bh.consume(x.matmul(w1));
            bh.consume(h1.matmul(w2));
            bh.consume(h2.matmul(w3));
        }
        bh.consume(Autograd.grad(chainOut, chainWeights, dy, false, true));
    }

    /** The 8 products as {@code Tensor.matmul} under {@code noGrad}, transposed operands prepared beforehand. */
    @Benchmark
    public void engineNoTranspose(Blackhole bh) {
        try (Autograd.Scope scope = Autograd.noGrad()) {
            bh.consume(x.matmul(w1));
            bh.consume(h1.matmul(w2));
            bh.consume(h2.matmul(w3));
            bh.consume(h2T.matmul(dy));
            bh.consume(dy.matmul(w3T));
            bh.consume(h1T.matmul(dh2));
            bh.consume(dh2.matmul(w2T));
            bh.consume(xT.matmul(dh1));
        }
    }

    /** As {@link #engineNoTranspose}, with the {@code transpose()} copies inside the timing. */
    @Benchmark
    public void engineWithTranspose(Blackhole bh) {
        try (Autograd.Scope scope = Autograd.noGrad()) {
            bh.consume(x.matmul(w1));
            bh.consume(h1.matmul(w2));
            bh.consume(h2.matmul(w3));
            bh.consume(h2.transpose().matmul(dy));
            bh.consume(dy.matmul(w3.transpose()));
            bh.consume(h1.transpose().matmul(dh2));
            bh.consume(dh2.matmul(w2.transpose()));
            bh.consume(x.transpose().matmul(dh1));
        }
    }
}
