package org.autograd4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the three training workloads of issue 5 and prints one comparable line per workload:
 * <pre>
 * RESULT peer=autograd4j workload=&lt;name&gt; steps=&lt;n&gt; seconds=&lt;s&gt; samples_per_s=&lt;x&gt;
 *        ms_per_step=&lt;y&gt; threads=&lt;t&gt; cpu_ms_per_step=&lt;c&gt;
 * </pre>
 * {@code seconds} covers the workload's timed steps exactly as specified (after its warm-up steps, in a fresh model,
 * JIT warm-up included): the cold figure, what a user running a short training in a fresh JVM gets. Further lines,
 * which other peers need not parse: {@code STARTUP} (process start to the end of the first training step, and that
 * step alone), {@code STEADY} (median ms/step over {@code STEADY_ROUNDS} more rounds of the same steps, default 15:
 * with 5 the median of {@code tiny} in an {@code all} run had not settled, issue 14; {@code cold_over_steady} is the
 * RESULT figure over that median, the price of warm-up) and {@code INFO}. {@code cpu_ms_per_step} is the process's CPU
 * time over the same steps (every thread: the JIT's compiler threads and the collector count), the fairer figure on a
 * shared machine, where waiting for a core costs wall time only.
 *
 * <p>The engine's BLAS is loaded before any workload (as {@code import torch} loads PyTorch's before its peer's
 * timer starts), so that the cold figure is the same whichever workloads run: before issue 14 a {@code tiny} run
 * alone paid the natives' loading (0.3–0.8 s) inside its first step, an {@code all} run did not. {@code STARTUP}
 * still counts it.
 *
 * <p>Environment: {@code WORKLOAD} = tiny | mlp-mnist-shape | wdbc-shape | all (default all); {@code THREADS} = the
 * native thread count, applied before the natives load (default: the libraries' own, one per CPU).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.autograd4j.benchmarks.Workloads}.
 */
public final class Workloads {
    private Workloads() {
    }

    /** One workload's timed run. */
    record Run(Workload workload, double seconds, double cpuSeconds, double firstStepMs, Instant firstStepEnd,
            double lastLoss) {
        double msPerStep() {
            return seconds * 1e3 / workload.steps;
        }

        double samplesPerSecond() {
            return workload.steps * (double) workload.batch / seconds;
        }

        double cpuMsPerStep() {
            return cpuSeconds * 1e3 / workload.steps;
        }
    }

    /** Runs the workloads named by {@code WORKLOAD} and prints their lines. */
    public static void main(String[] args) {
        Natives.configure(0);
        String which = System.getenv().getOrDefault("WORKLOAD", "all").trim();
        List<Workload> list = which.equals("all") ? Arrays.asList(Workload.values()) : List.of(Workload.of(which));
        int rounds = Natives.parse(System.getenv().getOrDefault("STEADY_ROUNDS", "15"));
        int threads = Natives.loadEngineBlas();
        System.out.println("INFO " + Natives.engineBlasFields() + " blas_threads=" + threads);
        processCpuNanos(); // its first call loads the management classes (~80 ms): not inside a timed run
        boolean first = true;
        String peer = "captured".equals(System.getenv().getOrDefault("TRAINER", "nn").trim())
                ? "autograd4j-captured" : "autograd4j";
        for (Workload w : list) {
            Trainer trainer = Trainer.create(w);
            Data.Batch[] data = w.data();
            Run run = run(w, trainer, data);
            if (first) {
                Instant start = ProcessHandle.current().info().startInstant().orElse(null);
                long startup = start == null ? -1 : Duration.between(start, run.firstStepEnd).toMillis();
                System.out.printf(Locale.ROOT, "STARTUP peer=%s workload=%s process_start_to_first_step_ms=%d"
                        + " first_step_ms=%.1f threads=%d%n", peer, w.label, startup, run.firstStepMs, threads);
                first = false;
            }
            System.out.printf(Locale.ROOT, "RESULT peer=%s workload=%s steps=%d seconds=%.4f samples_per_s=%.1f"
                    + " ms_per_step=%.4f threads=%d cpu_ms_per_step=%.4f%n", peer, w.label, w.steps, run.seconds,
                    run.samplesPerSecond(), run.msPerStep(), threads, run.cpuMsPerStep());
            if (rounds > 0) {
                double[] ms = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ms[r] = run(w, trainer, data).msPerStep();
                }
                Arrays.sort(ms);
                double median = ms[rounds / 2];
                System.out.printf(Locale.ROOT, "STEADY peer=%s workload=%s ms_per_step=%.4f samples_per_s=%.1f"
                        + " rounds=%d min_ms=%.4f max_ms=%.4f cold_over_steady=%.2f threads=%d%n", peer, w.label,
                        median, w.batch * 1e3 / median, rounds, ms[0], ms[rounds - 1], run.msPerStep() / median,
                        threads);
            }
            System.out.printf(Locale.ROOT, "INFO workload=%s params=%d final_loss=%.4f implementation=%s%n",
                    w.label, w.parameterCount(), run.lastLoss, trainer.describe().replace(' ', '_'));
        }
    }

    /** The workload's warm-up steps, then its timed steps; batches are used in turn. */
    static Run run(Workload w, Trainer trainer, Data.Batch[] data) {
        int step = 0;
        double loss = Double.NaN;
        double firstMs = -1;
        Instant firstEnd = null;
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < w.warmupSteps + w.steps; i++) {
            if (i == w.warmupSteps) {
                cpu0 = processCpuNanos();
                t0 = System.nanoTime();
            }
            long s = System.nanoTime();
            loss = trainer.step(data[step++ % data.length]);
            if (firstEnd == null) {
                firstMs = (System.nanoTime() - s) / 1e6;
                firstEnd = Instant.now();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        return new Run(w, seconds, cpuSeconds, firstMs, firstEnd, loss);
    }

    /** The CPU time of the whole process (all threads), or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
