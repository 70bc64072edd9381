package org.autograd4j.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * Steady-state time of one training step of each {@link Workload} (forward, loss, backward, optimizer update), with
 * one and with two native threads (set before the natives load, in JMH's fresh fork). The step is
 * nn's ({@link NnTrainer}, eager or captured and replayed) or core's ({@link CoreTrainer}); samples per second are
 * {@code batch / time}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrainingBench {
    /** The workload's label. */
    @Param({"tiny", "mlp-mnist-shape", "wdbc-shape"})
    public String workload;

    /** Native threads (OpenBLAS, OpenMP). */
    @Param({"1", "2"})
    public int threads;

    /**
     * {@code nn} (Mlp, Losses, Sgd/Adam), {@code captured} (the same step captured once with {@code Autograd.capture}
     * and replayed) or {@code core} (core ops, hand-written optimizer loops).
     */
    @Param({"nn", "captured", "core"})
    public String trainer;

    private Trainer step;
    private Data.Batch[] data;
    private int next;

    /** Sets the threads, loads the natives, builds model and data (fixed seed). */
    @Setup
    public void setup() {
        Natives.configure(threads);
        Natives.loadEngineBlas();
        Workload w = Workload.of(workload);
        step = Trainer.create(w, trainer);
        data = w.data();
    }

    /** One step on the next batch of the pool. */
    @Benchmark
    public double step() {
        return step.step(data[next++ % data.length]);
    }
}
