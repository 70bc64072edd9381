package org.autograd4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of this module and prints the results table (Markdown, also written to
 * {@code <out>/results.md}; JMH's own logs go to {@code <out>/jmh-*.log}).
 *
 * <p>{@code short} (under 5 minutes on 2 idle cores): one fork per JMH run, 1 warm-up and 3 measured iterations of
 * 200 ms (training and GEMM: 2 × 1 s warm-up, 3 × 400 ms); the per-op grid runs inside this JVM ({@code -f 0},
 * 2 × 300 ms warm-up) up to 4,096 elements, because 75 forks alone would take minutes; the oracle at P = 10⁵ is
 * estimated as 2P forward passes; only nn's trainer is timed; the memory probe runs 20,000 steps. {@code full}: one
 * fork per run, 3 × 1 s warm-up, 5 × 1 s measured, the P = 10⁵ oracle measured single-shot, both trainers, the memory
 * probe over 100,000 steps.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.autograd4j.benchmarks.Suite [short|full] [group ...] [--out=DIR]}
 * with groups among {@code ops tape gradient xor training gemm workloads memory profile} (default: all).
 */
public final class Suite {
    private static final List<String> GROUPS =
            List.of("ops", "tape", "gradient", "xor", "training", "gemm", "workloads", "memory", "profile");

    private final boolean full;
    private final Path out;
    private final Report report = new Report();

    private Suite(boolean full, Path out) {
        this.full = full;
        this.out = out;
    }

    /** Runs the suite; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        boolean full = false;
        Path out = Path.of("benchmark-results");
        List<String> groups = new ArrayList<>();
        for (String a : args) {
            if (a.equals("full") || a.equals("short")) {
                full = a.equals("full");
            } else if (a.startsWith("--out=")) {
                out = Path.of(a.substring(6));
            } else if (GROUPS.contains(a)) {
                groups.add(a);
            } else {
                throw new IllegalArgumentException("Suite: unknown argument '" + a + "'; expected short, full,"
                        + " --out=DIR or a group among " + GROUPS);
            }
        }
        Natives.configure(0);
        Files.createDirectories(out);
        Suite suite = new Suite(full, out);
        long t0 = System.nanoTime();
        for (String g : groups.isEmpty() ? GROUPS : groups) {
            long s = System.nanoTime();
            System.err.printf(Locale.ROOT, "[suite] %s ...%n", g);
            suite.run(g);
            System.err.printf(Locale.ROOT, "[suite] %s done in %.0f s%n", g, (System.nanoTime() - s) / 1e9);
        }
        String table = suite.report.render(full ? "full" : "short", (System.nanoTime() - t0) / 1e9);
        System.out.println(table);
        Files.writeString(out.resolve("results.md"), table);
    }

    private void run(String group) throws RunnerException, IOException, InterruptedException {
        switch (group) {
            case "ops" -> jmh(group, full ? opts("OpBench\\.") : opts("OpBench\\.").forks(0).warmupIterations(2)
                    .warmupTime(TimeValue.milliseconds(300)).param("size", "1", "8", "64", "4096"));
            case "tape" -> jmh(group, opts("TapeBench\\."));
            case "gradient" -> {
                jmh(group + "-small", opts("GradientBench\\.").param("params", "100", "1000", "10000"));
                jmh(group + "-large", opts("GradientBench\\.(autodiff|forwardNoGrad)").param("params", "100000"));
                if (full) {
                    jmh(group + "-oracle-large", opts("GradientBench\\.centralDifferences").param("params", "100000")
                            .mode(Mode.SingleShotTime).warmupIterations(0).measurementIterations(2));
                }
            }
            case "xor" -> jmh(group, opts("XorTrainBench\\.").mode(Mode.SingleShotTime)
                    .warmupIterations(1).measurementIterations(full ? 5 : 2));
            case "training" -> jmh(group, full ? opts("TrainingBench\\.")
                    : longerWarmup(opts("TrainingBench\\.").param("trainer", "nn", "captured")));
            case "gemm" -> jmh(group, full ? opts("GemmBoundBench\\.") : longerWarmup(opts("GemmBoundBench\\.")));
            case "workloads" -> {
                for (String threads : List.of("1", "2")) {
                    report.addLines(child("Workloads", threads, List.of()), threads);
                }
            }
            case "memory" -> report.addLines(child("MemoryProbe", null,
                    full ? List.of("100000", "10000") : List.of("20000", "2000")), null);
            case "profile" -> report.addLines(child("StepProfile", "1", List.of(full ? "full" : "short")), null);
            default -> throw new IllegalArgumentException("Suite: unknown group " + group);
        }
    }

    private ChainedOptionsBuilder opts(String include) {
        TimeValue w = full ? TimeValue.seconds(1) : TimeValue.milliseconds(200);
        TimeValue m = full ? TimeValue.seconds(1) : TimeValue.milliseconds(200);
        return new OptionsBuilder().include(Suite.class.getPackageName() + "." + include)
                .forks(1).warmupIterations(full ? 3 : 1).warmupTime(w)
                .measurementIterations(full ? 5 : 3).measurementTime(m)
                .shouldFailOnError(true).verbosity(VerboseMode.NORMAL);
    }

    /** Short mode's settings for benchmarks whose JIT warm-up takes longer than 200 ms (steps of milliseconds). */
    private static ChainedOptionsBuilder longerWarmup(ChainedOptionsBuilder o) {
        return o.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.milliseconds(400));
    }

    private void jmh(String name, ChainedOptionsBuilder options) throws RunnerException {
        String log = out.resolve("jmh-" + name + ".log").toString();
        for (RunResult r : new Runner(options.output(log).build()).run()) {
            report.add(r);
        }
    }

    /** Runs a main class of this module in a fresh JVM (so THREADS applies before natives load); its lines. */
    private List<String> child(String mainClass, String threads, List<String> args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Suite.class.getPackageName() + "." + mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (threads != null) {
            pb.environment().put("THREADS", threads);
        }
        if (!full) {
            pb.environment().putIfAbsent("STEADY_ROUNDS", "3");
        }
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.err.println("  " + line);
                lines.add(line);
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IllegalStateException("Suite: " + mainClass + " exited with status " + rc);
        }
        return lines;
    }
}
