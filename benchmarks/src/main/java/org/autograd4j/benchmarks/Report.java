package org.autograd4j.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * The {@link Suite}'s results table: JMH scores (kept in nanoseconds, keyed by benchmark and parameters) and the
 * lines printed by the child runs, rendered as Markdown with the ratios and targets of issue 5.
 */
final class Report {
    private final Map<String, Double> ns = new HashMap<>();
    private final Map<String, List<String>> lines = new TreeMap<>();

    /** Records one JMH result, converted to ns per op. */
    void add(RunResult r) {
        BenchmarkParams p = r.getParams();
        String benchmark = p.getBenchmark();
        String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        StringBuilder key = new StringBuilder(name);
        for (String k : new java.util.TreeSet<>(p.getParamsKeys())) {
            key.append(' ').append(k).append('=').append(p.getParam(k));
        }
        String unit = r.getPrimaryResult().getScoreUnit();
        double scale = unit.startsWith("ns") ? 1 : unit.startsWith("us") ? 1e3 : unit.startsWith("ms") ? 1e6 : 1e9;
        ns.put(key.toString(), r.getPrimaryResult().getScore() * scale);
    }

    /** Records a child run's output lines, grouped by their first word (RESULT, STEADY, MEMORY, ...). */
    void addLines(List<String> output, String threads) {
        for (String l : output) {
            String kind = l.contains(" ") ? l.substring(0, l.indexOf(' ')) : l;
            lines.computeIfAbsent(kind, k -> new ArrayList<>()).add(l);
        }
    }

    private Double get(String key) {
        return ns.get(key);
    }

    private static String fmt(Double v, double div, String pattern) {
        return v == null ? "–" : String.format(Locale.ROOT, pattern, v / div);
    }

    /** A field {@code name=value} of a RESULT-style line, or null. */
    static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    String render(String mode, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "## autograd4j benchmarks (%s mode, %.0f s)%n%n", mode, seconds));
        s.append("Machine: ").append(Machine.describe()).append("\n");
        for (String l : lines.getOrDefault("INFO", List.of())) {
            if (l.contains("blas=")) {
                String kernel = field(l, "openblas_kernel");
                String inPlace = field(l, "blas_in_place");
                s.append("Engine BLAS: ").append(field(l, "blas")).append(kernel == null ? "" : ", kernel " + kernel)
                        .append(inPlace == null ? "" : "true".equals(inPlace) ? ", on the Java arrays in place"
                                : ", operands copied")
                        .append("\n");
                break;
            }
        }
        workloads(s);
        gemm(s);
        gradient(s);
        ops(s);
        memory(s);
        for (String kind : List.of("PROFILE")) {
            if (lines.containsKey(kind)) {
                s.append("\n### Where a step's time goes (StepProfile, one thread)\n\n```\n");
                lines.get(kind).forEach(l -> s.append(l.substring(kind.length() + 1)).append('\n'));
                s.append("```\n");
            }
        }
        return s.toString();
    }

    private void workloads(StringBuilder s) {
        s.append("\n### Training workloads\n\n");
        s.append("| workload | threads | RESULT ms/step | RESULT samples/s | steady ms/step | JMH ms/step (nn) |"
                + " JMH ms/step (core) | target |\n|---|---|---|---|---|---|---|---|\n");
        List<String> steady = lines.getOrDefault("STEADY", List.of());
        for (Workload w : Workload.values()) {
            for (String t : List.of("1", "2")) {
                String result = find(lines.getOrDefault("RESULT", List.of()), w.label, t);
                String st = find(steady, w.label, t);
                Double jmh = get("TrainingBench.step threads=" + t + " trainer=nn workload=" + w.label);
                Double core = get("TrainingBench.step threads=" + t + " trainer=core workload=" + w.label);
                String target = switch (w) {
                    case TINY -> "≤ 0.05 ms";
                    case WDBC_SHAPE -> "≤ 0.15 ms";
                    case MLP_MNIST_SHAPE -> "≤ 1.3 × GEMM bound";
                };
                s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", w.label, t,
                        result == null ? "–" : field(result, "ms_per_step"),
                        result == null ? "–" : field(result, "samples_per_s"),
                        st == null ? "–" : field(st, "ms_per_step"), fmt(jmh, 1e6, "%.4f"), fmt(core, 1e6, "%.4f"),
                        target));
            }
        }
        s.append("\nRESULT: the specified steps in a fresh JVM and model (JIT warm-up included); steady: median of"
                + " further rounds; JMH: steady state.\n");
        for (String l : lines.getOrDefault("STARTUP", List.of())) {
            s.append(String.format(Locale.ROOT, "%nStart-up (threads=%s): process start to the end of the first %s"
                    + " step %s ms (that step alone %s ms).%n", field(l, "threads"), field(l, "workload"),
                    field(l, "process_start_to_first_step_ms"), field(l, "first_step_ms")));
        }
    }

    private static String find(List<String> ls, String workload, String threads) {
        for (String l : ls) {
            if (workload.equals(field(l, "workload")) && threads.equals(field(l, "threads"))) {
                return l;
            }
        }
        return null;
    }

    private void gemm(StringBuilder s) {
        s.append("\n### mlp-mnist-shape step against its GEMM bound (8 products, µs)\n\n");
        s.append("| threads | ND4J gemm | engine GEMM as in a step | engine, operands pre-transposed | engine +"
                + " transpose() copies | full nn step (JMH) | step / engine bound | step / ND4J bound |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (String t : List.of("1", "2")) {
            Double nd = get("GemmBoundBench.nd4j threads=" + t);
            Double en = get("GemmBoundBench.engine threads=" + t);
            Double nt = get("GemmBoundBench.engineNoTranspose threads=" + t);
            Double tr = get("GemmBoundBench.engineWithTranspose threads=" + t);
            Double step = get("TrainingBench.step threads=" + t + " trainer=nn workload=mlp-mnist-shape");
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", t, fmt(nd, 1e3, "%.0f"),
                    fmt(en, 1e3, "%.0f"), fmt(nt, 1e3, "%.0f"), fmt(tr, 1e3, "%.0f"), fmt(step, 1e3, "%.0f"),
                    ratio(step, en), ratio(step, nd)));
        }
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private void gradient(StringBuilder s) {
        s.append("\n### One full gradient: autodiff against the central-difference oracle (float64, batch 8)\n\n");
        s.append("| P | autodiff µs | oracle ms | 2P × forward ms | oracle / autodiff | target ≥ P/10 |\n"
                + "|---|---|---|---|---|---|\n");
        for (int p : new int[] {100, 1000, 10000, 100000}) {
            int[] sizes = GradientBench.sizes(p);
            long exact = new CoreMlp(sizes, Workload.Activation.TANH, org.autograd4j.core.DType.FLOAT64, 1)
                    .parameterCount();
            Double a = get("GradientBench.autodiff params=" + p);
            Double f = get("GradientBench.forwardNoGrad params=" + p);
            Double est = f == null ? null : 2.0 * exact * f;
            Double measured = get("GradientBench.centralDifferences params=" + p);
            Double o = measured != null ? measured : est;
            String tag = measured == null && est != null ? " (est.)" : "";
            String ok = a == null || o == null ? "–"
                    : (o / a >= exact / 10.0 ? "met" : "MISSED") + " (" + exact / 10 + ")";
            s.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s%s | %s |%n", exact, fmt(a, 1e3, "%.1f"),
                    fmt(measured, 1e6, "%.1f"), fmt(est, 1e6, "%.1f"), ratio(o, a), tag, ok));
        }
        Double xa = get("XorTrainBench.autodiff");
        Double xo = get("XorTrainBench.oracle");
        if (xa != null || xo != null) {
            s.append(String.format(Locale.ROOT, "%nXOR-clusters MLP to loss %.1f (SGD lr 0.1, float64): autodiff %s ms,"
                    + " oracle %s ms, ratio %s.%n", XorTrainBench.TARGET, fmt(xa, 1e6, "%.0f"), fmt(xo, 1e6, "%.0f"),
                    ratio(xo, xa)));
        }
    }

    private void ops(StringBuilder s) {
        s.append("\n### Per-op overhead: forward + backward of one op, float32 (ns)\n\n");
        s.append("| op | elements | engine | raw ND4J | plain Java | engine / Java | ND4J / engine |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        for (String op : List.of("add", "mul", "sigmoid", "matmul", "sum")) {
            for (String size : List.of("1", "8", "64", "4096", "1048576")) {
                Double e = get("OpBench.engine op=" + op + " size=" + size);
                Double n = get("OpBench.nd4j op=" + op + " size=" + size);
                Double j = get("OpBench.java op=" + op + " size=" + size);
                if (e == null && n == null && j == null) {
                    continue;
                }
                s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", op, size,
                        fmt(e, 1, "%,.0f"), fmt(n, 1, "%,.0f"), fmt(j, 1, "%,.0f"), ratio(e, j), ratio(n, e)));
            }
        }
        s.append("\nPer recorded op in a chain of " + TapeBench.OPS + " (mul, add, sigmoid), backward shared"
                + " (ns per op; target ≤ 1,000 on ≤ 64 elements):\n\n"
                + "| elements | recording off | recorded | recorded + backward |\n|---|---|---|---|\n");
        for (String size : List.of("1", "8", "64")) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", size,
                    fmt(get("TapeBench.noGrad size=" + size), 1, "%,.0f"),
                    fmt(get("TapeBench.recorded size=" + size), 1, "%,.0f"),
                    fmt(get("TapeBench.forwardBackward size=" + size), 1, "%,.0f")));
        }
    }

    private void memory(StringBuilder s) {
        List<String> mem = lines.getOrDefault("MEMORY", List.of());
        if (mem.isEmpty()) {
            return;
        }
        s.append("\n### Memory over wdbc-shape training\n\n| step | RSS MiB | peak RSS (VmHWM) MiB | JavaCPP off-heap"
                + " bytes | heap used MiB | heap committed MiB |\n|---|---|---|---|---|---|\n");
        for (String l : mem) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", field(l, "step"),
                    field(l, "rss_mib"), field(l, "hwm_mib"), field(l, "offheap_bytes"), field(l, "heap_used_mib"),
                    field(l, "heap_committed_mib")));
        }
        lines.getOrDefault("MEMORY_SUMMARY", List.of()).forEach(l -> s.append('\n').append(l).append('\n'));
    }
}
