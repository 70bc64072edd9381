package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded differential fuzzer against PyTorch: random programs of 2 to 8 ops over random broadcastable shapes of
 * rank 0 to 3 (written with PyTorch's numbers by {@code src/test/python/make_fuzz_programs.py}), run here and compared:
 * the output, the gradient of {@code L = sum(w * out)} with respect to every input (with {@code createGraph}, and again
 * through the fused first-order backwards) and to every intermediate result, and the Hessian-vector products
 * {@code d/dx_i sum_j <dL/dx_j, v_j>}.
 *
 * <p>An element passes when {@code |got - expected| <= tol * (1 + |expected|)}, with tol 1e-9 for float64 programs
 * and 1e-4 for float32 ones and mixed ones (float32 tensors with float64 0-d tensors: float32 arithmetic). The script
 * kept only programs whose float32 and float64 runs agree to 1e-5 there, so a difference beyond the tolerance is not
 * rounding.
 *
 * <p>{@code fuzz-programs.txt} (300 programs, float64 and float32) and {@code fuzz-programs-mixed.txt} (150) run in
 * every build; {@code fuzz-programs-wide.txt} (3000 more) with {@code mvn -o verify -Pfuzz -pl autograd-core}. A
 * failure prints the program, its seeds, its input values and the first differing element.
 *
 * <p>Left out by the generator, each a difference from PyTorch named in {@code fuzz_ops.py} / {@code fuzz_generate.py}:
 * softplus above 20 (PyTorch's threshold makes its second derivative 0 there; ours is exact), a maskedFill mask larger
 * than the tensor (PyTorch broadcasts the tensor to it; we refuse), and the gradient with respect to a result PyTorch
 * returns as its own input object ({@code flatten(a, a)}).
 */
class DifferentialFuzzTest {
    static final double TOL64 = 1e-9;
    static final double TOL32 = 1e-4;

    static Stream<FuzzProgram> programs() throws IOException {
        return FuzzProgram.read("fuzz-programs.txt").stream();
    }

    static Stream<FuzzProgram> widePrograms() throws IOException {
        return FuzzProgram.read("fuzz-programs-wide.txt").stream();
    }

    @Test
    void theEveryBuildSetIsLargeAndCoversBothDtypes() throws IOException {
        List<FuzzProgram> all = FuzzProgram.read("fuzz-programs.txt");
        assertTrue(all.size() >= 300, "programs: " + all.size());
        assertTrue(all.stream().anyMatch(p -> p.dtype().equals("float32")), "no float32 program");
        assertTrue(all.stream().anyMatch(p -> p.dtype().equals("float64")), "no float64 program");
    }

    @Test
    void theEveryBuildSetRunsEveryOp() throws IOException {
        Set<String> seen = new TreeSet<>();
        FuzzProgram.read("fuzz-programs.txt").forEach(p -> p.insts().forEach(i -> seen.add(i.op())));
        Set<String> missing = new TreeSet<>(FuzzOps.NAMES);
        missing.removeAll(seen);
        // casts only appear in mixed-dtype programs
        missing.remove("cast");
        assertTrue(missing.isEmpty(), "ops no program of fuzz-programs.txt runs: " + missing);
    }

    @Test
    void splitMix64IsTheReferenceGenerator() {
        // the first outputs for seed 1234567 of Vigna's splitmix64.c, which the Python script reproduces
        FuzzProgram.SplitMix64 r = new FuzzProgram.SplitMix64(1234567);
        assertTrue(r.next() == 6457827717110365317L && r.next() == 3203168211198807973L,
                "SplitMix64 differs from the reference sequence");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void agreesWithPyTorch(FuzzProgram p) {
        check(p);
    }

    static Stream<FuzzProgram> mixedPrograms() throws IOException {
        return FuzzProgram.read("fuzz-programs-mixed.txt").stream();
    }

    /**
     * Float32 tensors with float64 0-d tensors: PyTorch's result is float32 when the 0-d operand meets one with
     * dimensions (issue 11).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mixedPrograms")
    void agreesWithPyTorchOnMixedDtypes(FuzzProgram p) {
        check(p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("widePrograms")
    @EnabledIfSystemProperty(named = "autograd4j.fuzz", matches = "wide")
    void agreesWithPyTorchOnTheWideSet(FuzzProgram p) {
        check(p);
    }

    /** Runs the program here and compares every number with PyTorch's; throws with a readable report if one differs. */
    static void check(FuzzProgram p) {
        double tol = p.dtype().equals("float64") ? TOL64 : TOL32;
        List<List<Tensor>> drawn = p.inputs(new FuzzProgram.SplitMix64(p.valuesSeed()));
        List<Tensor> xs = new ArrayList<>();
        for (Tensor x : drawn.get(0)) {
            xs.add(x.requiresGrad(true));
        }
        List<Tensor> vs = drawn.get(1);
        Report report = new Report(p, xs, tol);
        Tensor out = report.run(() -> run(p, xs), "forward");
        report.same("output", p.value().dtype(), p.value().shape(), p.value().values(), out);
        // the loss weights come after the inputs and directions in the values stream
        FuzzProgram.SplitMix64 rng = new FuzzProgram.SplitMix64(p.valuesSeed());
        int drawnSoFar = p.inputs().stream().mapToInt(in -> 2 * in.size()).sum();
        for (int i = 0; i < drawnSoFar; i++) {
            rng.next();
        }
        Tensor w = FuzzProgram.tensor(rng.uniform((int) out.size(), -1, 1), out.shape(), out.dtype());
        Tensor loss = w.mul(out).sum();
        List<Tensor> grads = report.run(() -> Autograd.grad(loss, xs, null, true, true, true), "gradient");
        Tensor inner = null;
        for (int i = 0; i < xs.size(); i++) {
            report.same("gradient of input " + i, xs.get(i).dtype(), xs.get(i).shape(), p.grads().get(i),
                    grads.get(i));
            Tensor term = grads.get(i).mul(vs.get(i)).sum();
            inner = inner == null ? term : inner.add(term);
        }
        Tensor finalInner = inner;
        List<Tensor> hvps = finalInner.requiresGrad()
                ? report.run(() -> Autograd.grad(finalInner, xs, null, false, false, true), "Hessian-vector product")
                : xs.stream().map(x -> Tensor.zeros(x.shape()).to(x.dtype())).toList();
        for (int i = 0; i < xs.size(); i++) {
            report.same("Hessian-vector product for input " + i, xs.get(i).dtype(), xs.get(i).shape(),
                    p.hvps().get(i), hvps.get(i));
        }
        // first order alone: without createGraph the ops' fused first-order backwards run
        Tensor again = w.mul(run(p, xs)).sum();
        List<Tensor> plain = report.run(() -> Autograd.grad(again, xs, null, false, false, true),
                "first-order gradient");
        for (int i = 0; i < xs.size(); i++) {
            report.same("first-order gradient of input " + i, xs.get(i).dtype(), xs.get(i).shape(),
                    p.grads().get(i), plain.get(i));
        }
        // with respect to the intermediate results: gradients of non-leaf tensors
        Map<String, Tensor> env = new HashMap<>();
        Tensor third = w.mul(run(p, xs, env)).sum();
        List<String> names = List.copyOf(p.igrads().keySet());
        List<Tensor> inters = names.stream().map(env::get).toList();
        List<Tensor> igrads = report.run(() -> Autograd.grad(third, inters, null, false, false, true),
                "gradient with respect to " + names);
        for (int i = 0; i < names.size(); i++) {
            Tensor v = inters.get(i);
            report.same("gradient with respect to " + names.get(i), v.dtype(), v.shape(),
                    p.igrads().get(names.get(i)), igrads.get(i));
        }
    }

    /** The program's output for these inputs. */
    static Tensor run(FuzzProgram p, List<Tensor> xs) {
        return run(p, xs, new HashMap<>());
    }

    /** The program's output for these inputs; {@code env} receives every value by name. */
    static Tensor run(FuzzProgram p, List<Tensor> xs, Map<String, Tensor> env) {
        for (int i = 0; i < xs.size(); i++) {
            env.put(p.inputs().get(i).name(), xs.get(i));
        }
        Tensor last = null;
        for (FuzzProgram.Inst inst : p.insts()) {
            last = FuzzOps.apply(inst, env);
            env.put(inst.name(), last);
        }
        return last;
    }

    /** Comparisons that fail with the whole program, its inputs and the first differing element. */
    private record Report(FuzzProgram p, List<Tensor> xs, double tol) {
        <T> T run(java.util.function.Supplier<T> step, String what) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                throw new AssertionError(describe() + what + " threw " + e, e);
            }
        }

        void same(String what, DType dtype, long[] shape, double[] expected, Tensor got) {
            if (got.dtype() != dtype || !Arrays.equals(shape, got.shape())) {
                throw new AssertionError(describe() + what + ": expected (PyTorch) " + dtype + " "
                        + Arrays.toString(shape) + ", got " + got.dtype() + " " + Arrays.toString(got.shape()));
            }
            double[] actual = got.toDoubleArray();
            for (int i = 0; i < expected.length; i++) {
                double bound = tol * (1 + Math.abs(expected[i]));
                if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
                    throw new AssertionError(describe() + what + " differs at element " + i + " "
                            + Arrays.toString(position(i, shape)) + ": expected (PyTorch) " + expected[i] + ", got "
                            + actual[i] + ", difference " + (actual[i] - expected[i]) + " > " + bound + " = " + tol
                            + " * (1 + |expected|)");
                }
            }
        }

        private String describe() {
            StringBuilder s = new StringBuilder("\n").append(p.text()).append("input values:\n");
            for (int i = 0; i < xs.size(); i++) {
                s.append("  ").append(p.inputs().get(i).name()).append(" = ")
                        .append(Arrays.toString(xs.get(i).toDoubleArray())).append('\n');
            }
            return s.toString();
        }

        private static long[] position(int flat, long[] shape) {
            long[] at = new long[shape.length];
            for (int a = shape.length - 1; a >= 0; a--) {
                at[a] = flat % shape[a];
                flat /= (int) shape[a];
            }
            return at;
        }
    }
}
