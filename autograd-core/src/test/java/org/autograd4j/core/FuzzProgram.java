package org.autograd4j.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One program of the differential fuzzer's reference files (written by {@code src/test/python/make_fuzz_programs.py}):
 * its inputs, its instructions in the text PyTorch's side wrote, and PyTorch's numbers. The input values are not
 * stored: {@link #inputs(SplitMix64)} draws them from the program's values seed, as the Python script did.
 *
 * @param id         the program's number in its file
 * @param dtype      the dtype the program was generated for ({@code float64}, {@code float32} or {@code mixed})
 * @param seed       the seed the program was generated from
 * @param valuesSeed the seed of its input values, directions and loss weights
 * @param inputs     the inputs, in drawing order
 * @param insts      the instructions; the last one's result is the output
 * @param value      PyTorch's output
 * @param grads      PyTorch's gradient of {@code sum(w * out)} for each input
 * @param hvps       PyTorch's Hessian-vector product for each input
 * @param igrads     PyTorch's gradient of {@code sum(w * out)} for each intermediate result that requires one, by name
 */
record FuzzProgram(int id, String dtype, long seed, long valuesSeed, List<Input> inputs, List<Inst> insts,
                   Expected value, List<double[]> grads, List<double[]> hvps, Map<String, double[]> igrads) {

    /** An input: values uniform in [lo, hi). */
    record Input(String name, DType dtype, long[] shape, double lo, double hi) {
        int size() {
            return (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        }
    }

    /** {@code name = op operands... key=value...}. */
    record Inst(String name, String op, List<String> operands, Map<String, String> params) {
        String param(String key) {
            String v = params.get(key);
            if (v == null) {
                throw new IllegalArgumentException("fuzz program: " + op + " needs " + key + "=");
            }
            return v;
        }

        int integer(String key) {
            return Integer.parseInt(param(key));
        }

        double real(String key) {
            String v = param(key);
            return v.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
        }

        boolean flag(String key) {
            return Boolean.parseBoolean(param(key));
        }

        long[] longs(String key) {
            String v = param(key);
            String inner = v.substring(1, v.length() - 1).trim();
            return inner.isEmpty() ? new long[0]
                    : Arrays.stream(inner.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray();
        }

        int[] ints(String key) {
            return Arrays.stream(longs(key)).mapToInt(l -> (int) l).toArray();
        }

        /** A {@code [d0,d1]:v0,v1,...} parameter as a FLOAT64 tensor (masks, indices). */
        Tensor tensor(String key) {
            String v = param(key);
            int colon = v.indexOf(':');
            long[] shape = parseShape(v.substring(0, colon));
            double[] values = Arrays.stream(v.substring(colon + 1).split(",")).mapToDouble(Double::parseDouble)
                    .toArray();
            return shape.length == 0 ? Tensor.scalar(values[0]) : Tensor.of(values, shape);
        }
    }

    /** PyTorch's output: its dtype, shape and values. */
    record Expected(DType dtype, long[] shape, double[] values) { }

    /** The inputs' values, then their directions, drawn from the values seed; {@code [0]} values, {@code [1]} v. */
    List<List<Tensor>> inputs(SplitMix64 rng) {
        List<Tensor> xs = new ArrayList<>();
        List<Tensor> vs = new ArrayList<>();
        for (Input in : inputs) {
            xs.add(tensor(rng.uniform(in.size(), in.lo, in.hi), in.shape, in.dtype));
        }
        for (Input in : inputs) {
            vs.add(tensor(rng.uniform(in.size(), -1, 1), in.shape, in.dtype));
        }
        return List.of(xs, vs);
    }

    /** Doubles as a tensor of the dtype; FLOAT32 rounds each to nearest, as the Python script does. */
    static Tensor tensor(double[] values, long[] shape, DType dtype) {
        if (shape.length == 0) {
            return Tensor.scalar(values[0], dtype);
        }
        if (dtype == DType.FLOAT64) {
            return Tensor.of(values, shape);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return Tensor.of(f, shape);
    }

    /** The program as its file writes it, with the seeds: what a bug report needs to rerun it. */
    String text() {
        StringBuilder s = new StringBuilder("program " + id + " (" + dtype + ", seed=" + Long.toHexString(seed)
                + ", values=" + Long.toHexString(valuesSeed) + ")\n");
        for (Input in : inputs) {
            s.append("  ").append(in.name).append(" = input ").append(in.dtype.name().toLowerCase())
                    .append(' ').append(Arrays.toString(in.shape)).append(" uniform in [").append(in.lo)
                    .append(", ").append(in.hi).append(")\n");
        }
        for (Inst i : insts) {
            s.append("  ").append(i.name).append(" = ").append(i.op);
            i.operands.forEach(o -> s.append(' ').append(o));
            i.params.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
            s.append('\n');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "program " + id + " (" + dtype + ", " + insts.size() + " ops: "
                + String.join(" ", insts.stream().map(Inst::op).toList()) + ")";
    }

    // ---------------------------------------------------------------- the file

    /** Every program of a resource file next to this class. */
    static List<FuzzProgram> read(String resource) throws IOException {
        List<FuzzProgram> programs = new ArrayList<>();
        try (InputStream in = FuzzProgram.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the test resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Builder b = null;
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.trim().split("\\s+");
                try {
                    switch (t[0]) {
                        case "program" -> b = new Builder(t);
                        case "value" -> b.value = new Expected(dtype(t[1]), parseShape(t[2]), numbers(t, 3));
                        case "grad" -> b.grads.add(numbers(t, 2));
                        case "hvp" -> b.hvps.add(numbers(t, 2));
                        case "igrad" -> b.igrads.put(t[1], numbers(t, 2));
                        case "end" -> programs.add(b.build());
                        default -> b.instruction(t);
                    }
                } catch (RuntimeException e) {
                    throw new IOException(resource + " line " + number + ": cannot read '" + line + "'", e);
                }
            }
        }
        return programs;
    }

    private static DType dtype(String name) {
        return switch (name) {
            case "float64" -> DType.FLOAT64;
            case "float32" -> DType.FLOAT32;
            default -> throw new IllegalArgumentException("unknown dtype " + name);
        };
    }

    static long[] parseShape(String text) {
        String inner = text.substring(1, text.length() - 1).trim();
        return inner.isEmpty() ? new long[0] : Arrays.stream(inner.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static double[] numbers(String[] t, int from) {
        double[] v = new double[t.length - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(t[from + i]);
        }
        return v;
    }

    private static final class Builder {
        final int id;
        final String dtype;
        final long seed;
        final long valuesSeed;
        final List<Input> inputs = new ArrayList<>();
        final List<Inst> insts = new ArrayList<>();
        Expected value;
        final List<double[]> grads = new ArrayList<>();
        final List<double[]> hvps = new ArrayList<>();
        final Map<String, double[]> igrads = new LinkedHashMap<>();

        Builder(String[] t) {
            id = Integer.parseInt(t[1]);
            dtype = t[2];
            seed = Long.parseUnsignedLong(t[3].substring("seed=".length()), 16);
            valuesSeed = Long.parseUnsignedLong(t[4].substring("values=".length()), 16);
        }

        /** {@code v0 = input float64 [2,3] lo hi} or {@code v3 = op v1 v2 key=value ...}. */
        void instruction(String[] t) {
            if (!t[1].equals("=")) {
                throw new IllegalArgumentException("expected 'name = op ...'");
            }
            if (t[2].equals("input")) {
                inputs.add(new Input(t[0], dtype(t[3]), parseShape(t[4]), Double.parseDouble(t[5]),
                        Double.parseDouble(t[6])));
                return;
            }
            List<String> operands = new ArrayList<>();
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 3; i < t.length; i++) {
                int eq = t[i].indexOf('=');
                if (eq < 0) {
                    operands.add(t[i]);
                } else {
                    params.put(t[i].substring(0, eq), t[i].substring(eq + 1));
                }
            }
            insts.add(new Inst(t[0], t[2], operands, params));
        }

        FuzzProgram build() {
            return new FuzzProgram(id, dtype, seed, valuesSeed, List.copyOf(inputs), List.copyOf(insts), value,
                    List.copyOf(grads), List.copyOf(hvps), igrads);
        }
    }

    /** Steele, Lea and Flood's SplitMix64, bit for bit the generator of {@code fuzz_program.py}. */
    static final class SplitMix64 {
        private long state;

        SplitMix64(long seed) {
            state = seed;
        }

        long next() {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** A double in [0, 1): the top 53 bits over 2^53. */
        double uniform() {
            return (next() >>> 11) * 0x1.0p-53;
        }

        /** n doubles {@code lo + (hi - lo) * u}, in the order Python draws them. */
        double[] uniform(int n, double lo, double hi) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = lo + (hi - lo) * uniform();
            }
            return v;
        }
    }
}
