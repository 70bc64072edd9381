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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time for the XOR-clusters MLP (the {@code tiny} workload's model and data, in float64) to reach a loss of
 * {@link #TARGET} with full-batch SGD, lr 0.1, the gradient coming from autodiff or from the oracle. Both follow the
 * same trajectory (the gradients agree to ~1e-9), so they take the same number of steps; single-shot, a fresh model
 * per measurement.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class XorTrainBench {
    /** The loss to reach. */
    static final double TARGET = 0.1;
    /** Give up after this many steps (never reached in practice: about 1,000 are needed). */
    static final int MAX_STEPS = 20_000;

    private List<Tensor> parameters;
    private Supplier<Tensor> loss;

    /** A fresh model for every measured run. */
    @Setup(Level.Iteration)
    public void setup() {
        Natives.configure(0);
        Workload w = Workload.TINY;
        CoreMlp model = new CoreMlp(w.sizes, w.activation, DType.FLOAT64, Workload.SEED);
        Data.Batch b = w.data()[0];
        Tensor x = b.x().to(DType.FLOAT64);
        Tensor oneHot = b.oneHot().to(DType.FLOAT64);
        parameters = model.parameters();
        loss = () -> CoreMlp.crossEntropy(model.forward(x), oneHot);
    }

    /** Training with gradients from {@code backward()}; returns the steps taken. */
    @Benchmark
    public int autodiff() {
        return train(false);
    }

    /** Training with gradients from central differences; returns the steps taken. */
    @Benchmark
    public int oracle() {
        return train(true);
    }

    int train(boolean numerical) {
        double lr = Workload.TINY.lr;
        for (int step = 1; step <= MAX_STEPS; step++) {
            double current;
            double[][] g;
            if (numerical) {
                g = Oracle.centralDifferences(loss, parameters);
                try (Autograd.Scope scope = Autograd.noGrad()) {
                    current = loss.get().item();
                }
            } else {
                Tensor l = loss.get();
                current = l.item();
                l.backward();
                g = new double[parameters.size()][];
                for (int k = 0; k < g.length; k++) {
                    g[k] = parameters.get(k).grad().array();
                    parameters.get(k).zeroGrad();
                }
            }
            if (current < TARGET) {
                return step;
            }
            for (int k = 0; k < g.length; k++) {
                double[] w = parameters.get(k).array();
                for (int i = 0; i < w.length; i++) {
                    w[i] -= lr * g[k][i];
                }
            }
        }
        return MAX_STEPS;
    }
}
