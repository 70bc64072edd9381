package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code matmul} of batches of any rank whose batch axes broadcast (NumPy's rules), the ranks above 3 written as a
 * composite (broadcasts, reshapes, one batched product): operands of rank 2 to 5, and 1-D operands against them.
 */
class MatMulBroadcastProperties {
    /** Batch shapes that broadcast, with [n, k] and [k, m] appended; {@code vector} drops one side's matrix axis. */
    private static final Gen<TensorGen.Inputs> PAIRS = TensorGen.broadcastShapes(2).zip(
            integers().between(1, 3), integers().between(1, 3), integers().between(1, 3), integers().between(0, 4),
            (b, n, k, m, vector) -> new int[][] {
                vector == 1 ? new int[] {k} : concat(b[0], n, k),
                vector == 2 ? new int[] {k} : concat(b[1], k, m)})
            .flatMap(s -> TensorGen.tensorOf(s[0], TensorGen.uniform(-2, 2)).zip(
                    TensorGen.tensorOf(s[1], TensorGen.uniform(-2, 2)), TensorGen.Inputs::of));

    private static int[] concat(int[] batch, int p, int q) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = p;
        s[batch.length + 1] = q;
        return s;
    }

    private static Tensor op(List<Tensor> in) {
        return in.get(0).matmul(in.get(1));
    }

    /** Each result matrix is the product of the two matrices that broadcasting pairs with it. */
    static Ref.Expected reference(Tensor x, Tensor y) {
        Tensor a = x.rank() == 1 ? x.reshape(1, x.size(0)) : x;
        Tensor b = y.rank() == 1 ? y.reshape(y.size(0), 1) : y;
        int[] ba = Arrays.copyOf(a.shape, a.rank() - 2);
        int[] bb = Arrays.copyOf(b.shape, b.rank() - 2);
        int[] batch = Ref.broadcastShape(ba, bb);
        int n = a.shape[a.rank() - 2];
        int k = a.shape[a.rank() - 1];
        int m = b.shape[b.rank() - 1];
        int[] shape = concat(batch, n, m);
        double[] out = new double[Ref.size(shape)];
        for (int i = 0; i < out.length; i++) {
            int[] idx = Ref.unravel(i, shape);
            double s = 0;
            for (int j = 0; j < k; j++) {
                int[] ia = idx.clone();
                ia[idx.length - 1] = j;
                int[] ib = idx.clone();
                ib[idx.length - 2] = j;
                s += Ref.at(a, ia) * Ref.at(b, ib);
            }
            out[i] = s;
        }
        int[] result = shape;
        if (x.rank() == 1) {
            result = Shapes.without(result, result.length - 2);
        }
        if (y.rank() == 1) {
            result = Shapes.without(result, result.length - 1);
        }
        return new Ref.Expected(result, out);
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> OpChecks.assertMatches(reference(p.get(0), p.get(1)),
                p.get(0).matmul(p.get(1))));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(40).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheck(MatMulBroadcastProperties::op,
                p.get(0), p.get(1)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.gradHasInputShape(
                MatMulBroadcastProperties::op, p.get(0), p.get(1)));
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.assertFloat32MatchesFloat64(
                MatMulBroadcastProperties::op, p.get(0), p.get(1)));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(25).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheckSecondOrder(
                MatMulBroadcastProperties::op, p.get(0), p.get(1)));
    }

    @Test
    void shapesAndErrors() {
        assertArrayEquals(new long[] {2, 3, 4, 5}, Tensor.zeros(2, 1, 4, 6).matmul(Tensor.zeros(3, 6, 5)).shape());
        assertArrayEquals(new long[] {2, 3, 4}, Tensor.zeros(2, 3, 4, 6).matmul(Tensor.zeros(6)).shape());
        ErrorMessagesTest.argument("matmul: batch dimensions [2, 3] and [4, 3] do not broadcast: [2, 3, 4, 6] @"
                + " [4, 3, 6, 5]", () -> Tensor.zeros(2, 3, 4, 6).matmul(Tensor.zeros(4, 3, 6, 5)));
        ErrorMessagesTest.argument("matmul: inner dimensions differ: [1, 1, 4, 6] @ [5, 5]",
                () -> Tensor.zeros(1, 1, 4, 6).matmul(Tensor.zeros(5, 5)));
    }
}
