package org.autograd4j.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
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

/**
 * One full gradient of an MLP's loss by {@code backward()} against the numerical oracle ({@link Oracle}: 2P forward
 * passes), for P of about 10², 10³, 10⁴ and 10⁵ parameters. Float64 (the oracle needs it), tanh hidden layer,
 * softmax cross-entropy, batch of 8. The oracle at P = 10⁵ takes tens of seconds per call: the {@link Suite} runs that
 * case single-shot in full mode only; in short mode it reports it as 2P × {@link #forwardNoGrad} (an estimate the
 * smaller P, measured both ways, check).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GradientBench {
    /** Batch rows of the oracle's MLP. */
    static final int BATCH = 8;

    /** Approximate parameter count; the exact one is in {@link #sizes(int)}. */
    @Param({"100", "1000", "10000", "100000"})
    public int params;

    private List<Tensor> parameters;
    private Supplier<Tensor> loss;

    /** Layer widths giving about {@code params} parameters: 108, 1,008, 10,384, 102,784. */
    static int[] sizes(int params) {
        return switch (params) {
            case 100 -> new int[] {8, 8, 4};
            case 1000 -> new int[] {16, 40, 8};
            case 10000 -> new int[] {64, 128, 16};
            case 100000 -> new int[] {256, 320, 64};
            default -> throw new IllegalArgumentException("GradientBench: params must be 100, 1000, 10000 or 100000,"
                    + " got " + params);
        };
    }

    /** The loss closure over a fresh model and a fixed batch; shared with the smoke test. */
    static Supplier<Tensor> lossOf(CoreMlp model, int[] sizes) {
        Data.Batch b = Data.pool(1, BATCH, sizes[0], sizes[sizes.length - 1], false, Workload.SEED)[0];
        Tensor x = b.x().to(DType.FLOAT64);
        Tensor oneHot = b.oneHot().to(DType.FLOAT64);
        return () -> CoreMlp.crossEntropy(model.forward(x), oneHot);
    }

    /** Builds the model and batch (fixed seed). */
    @Setup
    public void setup() {
        Natives.configure(0);
        int[] sizes = sizes(params);
        CoreMlp model = new CoreMlp(sizes, Workload.Activation.TANH, DType.FLOAT64, Workload.SEED);
        parameters = model.parameters();
        loss = lossOf(model, sizes);
    }

    /** Forward with recording, then {@code backward()}. */
    @Benchmark
    public double[][] autodiff() {
        return Oracle.autodiff(loss, parameters);
    }

    /** One forward pass with recording off: what the oracle repeats 2P times. */
    @Benchmark
    public Tensor forwardNoGrad() {
        try (Autograd.Scope scope = Autograd.noGrad()) {
            return loss.get();
        }
    }

    /** 2P forward passes with recording off. */
    @Benchmark
    public double[][] centralDifferences() {
        return Oracle.centralDifferences(loss, parameters);
    }
}
