package org.autograd4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one recorded op once the per-{@code backward()} cost is shared, as in a real step: a chain of
 * {@link #OPS} small float32 elementwise ops (mul, add, sigmoid in turn) on {@code size} elements, run with recording
 * off, with recording on, and recorded then differentiated; every result is per op. The differences split an op's
 * cost into compute, taping, and backward.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TapeBench {
    /** Ops in the chain. */
    static final int OPS = 15;

    /** Elements per tensor. */
    @Param({"1", "8", "64"})
    public int size;

    private Tensor x;
    private Tensor y;

    /** Two float32 leaves of {@code size} elements, both requiring gradients. */
    @Setup
    public void setup() {
        Natives.configure(0);
        Random rng = new Random(Workload.SEED);
        float[] a = new float[size];
        float[] b = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) rng.nextGaussian();
            b[i] = (float) rng.nextGaussian();
        }
        x = Tensor.of(a, size).requiresGrad(true);
        y = Tensor.of(b, size).requiresGrad(true);
    }

    private Tensor chain() {
        Tensor h = x;
        for (int i = 0; i < OPS / 3; i++) {
            h = h.mul(y).add(y).sigmoid();
        }
        return h;
    }

    /** The chain with recording off: the ops' arithmetic and allocation only. */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Tensor noGrad() {
        try (Autograd.Scope scope = Autograd.noGrad()) {
            return chain();
        }
    }

    /** The chain recorded, no backward. */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Tensor recorded() {
        return chain();
    }

    /** The chain recorded, then {@code backward()} from its sum (one more op). */
    @Benchmark
    @OperationsPerInvocation(OPS)
    public Tensor forwardBackward() {
        x.zeroGrad();
        y.zeroGrad();
        chain().sum().backward();
        return y.grad();
    }
}
