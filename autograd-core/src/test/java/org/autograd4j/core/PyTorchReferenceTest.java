package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against numbers PyTorch computed, in float64: for each case of {@code pytorch-reference.txt} (written by
 * {@code src/test/python/make_pytorch_reference.py}), the op's output, the gradient of {@code L = sum(w * op(x))}
 * with respect to every input, and the Hessian-vector product {@code d/dx sum_j <dL/dx_j, v_j>}. The numerical
 * oracle of the property tests says the gradients are right up to central-difference error; this says they are
 * PyTorch's, to float64 rounding: through the fused first-order backwards, and through the differentiable ones that
 * second order uses.
 */
class PyTorchReferenceTest {
    /** Relative tolerance: a few ulps of float64 accumulated over the cases' short sums and products. */
    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-13;

    /** One case of the reference file. */
    record Case(String name, String op, double[] params, List<Tensor> inputs, Tensor weight, Tensor output,
                String dtype, List<double[]> grads, List<double[]> directions, List<double[]> hvps) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        return read().stream();
    }

    @Test
    void theFileHoldsEveryOpOfTheTable() throws IOException {
        List<Case> all = read();
        assertTrue(all.size() >= 120, "cases read: " + all.size());
        for (Case c : all) {
            assertNotNull(apply(c), c.name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputGradientAndHessianVectorProductArePyTorchs(Case c) {
        List<Tensor> xs = new ArrayList<>();
        for (Tensor in : c.inputs) {
            // Tensor.of with no dimensions makes a 1-D tensor; a 0-d input stays 0-d
            xs.add((in.rank() == 0 ? Tensor.scalar(in.item()) : Tensor.of(in.toDoubleArray(), in.shape()))
                    .requiresGrad(true));
        }
        Tensor out = op(c, xs);
        assertArrayEquals(c.output.shape(), out.shape(), c.name + ": output shape");
        assertClose(c.output.toDoubleArray(), out.toDoubleArray(), c.name + ": output");
        if (c.dtype != null) {
            // an integer result (argmax): PyTorch's dtype, and no gradient (the file has none)
            assertEquals(c.dtype, out.dtype().name().toLowerCase(java.util.Locale.ROOT), c.name + ": dtype");
            assertEquals(false, out.requiresGrad(), c.name + ": an integer result has no gradient");
            return;
        }
        Tensor loss = c.weight.mul(out).sum();
        List<Tensor> grads = Autograd.grad(loss, xs, null, true, true, true);
        Tensor inner = null;
        for (int i = 0; i < xs.size(); i++) {
            assertClose(c.grads.get(i), grads.get(i).toDoubleArray(), c.name + ": gradient of input " + i);
            Tensor v = Tensor.of(c.directions.get(i), xs.get(i).shape());
            Tensor term = grads.get(i).mul(v).sum();
            inner = inner == null ? term : inner.add(term);
        }
        // first order alone: backward() without createGraph runs the ops' fused first-order backwards
        Tensor again = c.weight.mul(op(c, xs)).sum();
        List<Tensor> plain = Autograd.grad(again, xs, null, false, false, true);
        for (int i = 0; i < xs.size(); i++) {
            assertClose(c.grads.get(i), plain.get(i).toDoubleArray(), c.name + ": first-order gradient of input " + i);
        }
        List<double[]> hvps = new ArrayList<>();
        if (inner.requiresGrad()) {
            for (Tensor h : Autograd.grad(inner, xs, null, false, false, true)) {
                hvps.add(h.toDoubleArray());
            }
        } else {
            for (Tensor x : xs) {
                hvps.add(new double[(int) x.size()]);
            }
        }
        for (int i = 0; i < xs.size(); i++) {
            assertClose(c.hvps.get(i), hvps.get(i), c.name + ": Hessian-vector product for input " + i);
        }
    }

    /** The case's op on the given inputs, as autograd4j's API spells it. */
    private static Tensor op(Case c, List<Tensor> x) {
        double[] p = c.params;
        Tensor a = x.get(0);
        Tensor b = x.size() > 1 ? x.get(1) : null;
        if (c.op.startsWith("einsum:")) {
            return Tensor.einsum(c.op.substring("einsum:".length()), a, b);
        }
        return switch (c.op) {
            case "add" -> a.add(b);
            case "sub" -> a.sub(b);
            case "mul" -> a.mul(b);
            case "div" -> a.div(b);
            case "neg" -> a.neg();
            case "pow" -> a.pow(p[0]);
            case "square" -> a.square();
            case "maximum" -> a.maximum(b);
            case "minimum" -> a.minimum(b);
            case "exp" -> a.exp();
            case "log" -> a.log();
            case "sqrt" -> a.sqrt();
            case "abs" -> a.abs();
            case "tanh" -> a.tanh();
            case "sigmoid" -> a.sigmoid();
            case "relu" -> a.relu();
            case "leakyRelu" -> a.leakyRelu(p[0]);
            case "softplus" -> a.softplus();
            case "erf" -> a.erf();
            case "clamp" -> a.clamp(p[0], p[1]);
            case "matmul" -> a.matmul(b);
            case "addmm" -> Tensor.addmm(a, b, x.get(2));
            case "addmmTanh" -> Tensor.addmm(a, b, x.get(2)).tanh();
            case "transpose" -> a.transpose((int) p[0], (int) p[1]);
            case "permute" -> a.permute(ints(p));
            case "reshape" -> a.reshape(longs(p));
            case "broadcastTo" -> a.broadcastTo(longs(p));
            case "concat" -> Tensor.concat(List.of(a, b), (int) p[0]);
            case "stack" -> Tensor.stack(List.of(a, b), (int) p[0]);
            case "slice" -> a.slice((int) p[0], (long) p[1], (long) p[2]);
            case "index" -> a.index(longs(p));
            case "gather" -> gather(a, p);
            case "sliceSquared" -> a.slice((int) p[0], (long) p[1], (long) p[2]).square();
            case "indexSquared" -> a.index(longs(p)).square();
            case "gatherSquared" -> gather(a, p).square();
            case "where" -> a.where(Tensor.of(p, a.shape()), b).square();
            case "castTimesSelf" -> a.to(DType.FLOAT32).to(DType.FLOAT64).mul(a);
            case "sum" -> a.sum();
            case "sumAxis" -> a.sum((int) p[0], p[1] != 0);
            case "mean" -> a.mean();
            case "meanAxis" -> a.mean((int) p[0], p[1] != 0);
            case "maxAxis" -> a.max((int) p[0], p[1] != 0);
            case "maxAll" -> a.max().square();
            case "minAll" -> a.min().square();
            case "minAxis" -> a.min((int) p[0], p[1] != 0);
            case "logSumExp" -> a.logSumExp((int) p[0], p[1] != 0);
            case "softmax" -> a.softmax((int) p[0]);
            case "logSoftmax" -> a.logSoftmax((int) p[0]);
            case "crossEntropyLike" -> b.softmax(1).mul(a.logSoftmax(1)).sum(1, false).mean().neg();
            case "mlp" -> a.matmul(b).add(x.get(2)).tanh().matmul(x.get(3));
            case "log1p" -> a.log1p();
            case "expm1" -> a.expm1();
            case "sin" -> a.sin();
            case "cos" -> a.cos();
            case "signTimesSelf" -> a.sign().mul(a);
            case "reciprocal" -> a.reciprocal();
            case "rsqrt" -> a.rsqrt();
            case "gelu" -> a.gelu();
            case "geluTanh" -> a.gelu(GeluApproximation.TANH);
            case "silu" -> a.silu();
            case "logSigmoid" -> a.logSigmoid();
            case "powTensor" -> a.pow(b);
            case "maskedFill" -> a.maskedFill(Tensor.of(Arrays.copyOfRange(p, 1, p.length), 1, p.length - 1), p[0])
                    .square();
            case "sumAxes" -> a.sum(ints(rest(p, 1)), p[0] != 0);
            case "sumScalarAxisTimesSelf" -> a.sum(new int[] {-1}, true).mul(a);
            case "meanAxes" -> a.mean(ints(rest(p, 1)), p[0] != 0);
            case "var" -> a.var();
            case "varAxes" -> a.var(ints(rest(p, 2)), p[0], p[1] != 0);
            case "std" -> a.std();
            case "stdAxes" -> a.std(ints(rest(p, 2)), p[0], p[1] != 0);
            case "norm" -> p.length == 2 ? a.norm(p[0]) : a.norm(p[0] == -1 ? Double.POSITIVE_INFINITY : p[0],
                    ints(rest(p, 2)), p[1] != 0);
            case "prod" -> a.prod();
            case "prodAxes" -> a.prod(ints(rest(p, 1)), p[0] != 0);
            case "cumsum" -> a.cumsum((int) p[0]).square();
            case "amaxAxes" -> a.amax(ints(rest(p, 1)), p[0] != 0).square();
            case "aminAxes" -> a.amin(ints(rest(p, 1)), p[0] != 0).square();
            case "logSumExpAll" -> a.logSumExp();
            case "logSumExpAxes" -> a.logSumExp(ints(rest(p, 1)), p[0] != 0);
            case "squeezeAll" -> a.squeeze();
            case "flattenRange" -> a.flatten((int) p[0], (int) p[1]);
            case "indexSelectSquared" -> a.indexSelect((int) p[0], longs(rest(p, 1))).square();
            case "scatterSquared" -> a.scatter((int) p[0], Tensor.of(rest(p, 3), (long) p[1], (long) p[2]), b).square();
            case "scatterAddSquared" -> a.scatterAdd((int) p[0], Tensor.of(rest(p, 3), (long) p[1], (long) p[2]), b)
                    .square();
            case "flip" -> a.flip(ints(p));
            case "repeat" -> a.repeat(longs(p)).square();
            case "tile" -> a.tile(longs(p)).square();
            case "splitJoined" -> joined(a.split((long) p[0], (int) p[1]), (int) p[1]).square();
            case "splitSizesJoined" -> joined(a.split(longs(rest(p, 1)), (int) p[0]), (int) p[0]).square();
            case "chunkJoined" -> joined(a.chunk((int) p[0], (int) p[1]), (int) p[1]).square();
            case "dot" -> a.dot(b);
            case "outer" -> a.outer(b);
            case "argmax" -> a.argmax((int) p[0]);
            case "argmin" -> a.argmin((int) p[0]);
            case "gatherArgmaxSquared" -> a.gather((int) p[0], a.argmax((int) p[0]).unsqueeze((int) p[0])).square();
            case "indexSelectInt64Squared" -> a.indexSelect((int) p[0], Tensor.of(longs(rest(p, 1)))).square();
            case "int64Promotion" -> a.mul(Tensor.of(new long[] {1, -2, 3}, 1, 3))
                    .add(Tensor.of(new long[] {1, 2, 3}).div(Tensor.of(new long[] {2})));
            default -> throw new IllegalArgumentException("unknown op '" + c.op + "' in case " + c.name);
        };
    }

    /** p = {axis, indices row-major}: indices have a's rows and (length - 1) / rows columns. */
    private static Tensor gather(Tensor a, double[] p) {
        return a.gather((int) p[0], Tensor.of(Arrays.copyOfRange(p, 1, p.length), a.size(0),
                (p.length - 1) / a.size(0)));
    }

    private static Tensor apply(Case c) {
        return op(c, c.inputs);
    }

    /** The pieces, the i-th times i + 1, joined again along the axis (as the Python script does). */
    private static Tensor joined(List<Tensor> pieces, int axis) {
        List<Tensor> weighted = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            weighted.add(pieces.get(i).mul(i + 1.0));
        }
        return Tensor.concat(weighted, axis);
    }

    private static double[] rest(double[] p, int from) {
        return Arrays.copyOfRange(p, from, p.length);
    }

    private static int[] ints(double[] p) {
        return Arrays.stream(p).mapToInt(v -> (int) v).toArray();
    }

    private static long[] longs(double[] p) {
        return Arrays.stream(p).mapToLong(v -> (long) v).toArray();
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": size");
        for (int i = 0; i < expected.length; i++) {
            double tol = ATOL + RTOL * Math.abs(expected[i]);
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                throw new AssertionError(what + " at " + i + ": expected " + expected[i] + " (PyTorch), got "
                        + actual[i] + ", difference " + (actual[i] - expected[i]));
            }
        }
    }

    // ---------------------------------------------------------------- the file

    private static List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = PyTorchReferenceTest.class.getResourceAsStream("pytorch-reference.txt")) {
            assertNotNull(in, "pytorch-reference.txt is missing from the test resources");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            CaseBuilder b = null;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String rest = space < 0 ? "" : line.substring(space + 1).trim();
                switch (key) {
                    case "case" -> b = new CaseBuilder(rest);
                    case "op" -> b.op = rest;
                    case "params" -> b.params = numbers(rest);
                    case "input" -> b.inputs.add(tensor(rest));
                    case "weight" -> b.weight = tensor(rest);
                    case "output" -> b.output = tensor(rest);
                    case "dtype" -> b.dtype = rest;
                    case "grad" -> b.grads.add(numbers(rest));
                    case "direction" -> b.directions.add(numbers(rest));
                    case "hvp" -> b.hvps.add(numbers(rest));
                    case "end" -> cases.add(b.build());
                    default -> throw new IOException("pytorch-reference.txt: unknown line '" + line + "'");
                }
            }
        }
        return cases;
    }

    /** "[d0 d1 ...] v0 v1 ..." as a FLOAT64 tensor. */
    private static Tensor tensor(String text) {
        int close = text.indexOf(']');
        long[] shape = Arrays.stream(numbers(text.substring(1, close))).mapToLong(v -> (long) v).toArray();
        double[] values = numbers(text.substring(close + 1));
        return shape.length == 0 ? Tensor.scalar(values[0]) : Tensor.of(values, shape);
    }

    private static double[] numbers(String text) {
        String t = text.trim();
        return t.isEmpty() ? new double[0] : Arrays.stream(t.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    private static final class CaseBuilder {
        final String name;
        String op;
        double[] params = new double[0];
        final List<Tensor> inputs = new ArrayList<>();
        Tensor weight;
        Tensor output;
        String dtype;
        final List<double[]> grads = new ArrayList<>();
        final List<double[]> directions = new ArrayList<>();
        final List<double[]> hvps = new ArrayList<>();

        CaseBuilder(String name) {
            this.name = name;
        }

        Case build() {
            return new Case(name, op, params, inputs, weight, output, dtype, grads, directions, hvps);
        }
    }
}
