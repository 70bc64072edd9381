package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link MatMul}: NumPy's matmul over ranks 1 to 3, batch broadcasting included. */
class MatMulProperties {
    /** Operand shapes for dimensions b, m, k, n: every rank combination and both batch-broadcast directions. */
    private static final int[][][] CASES = {
        {{1, 2}, {2, 3}}, {{2}, {2, 3}}, {{1, 2}, {2}}, {{2}, {2}}, {{0, 1, 2}, {0, 2, 3}}, {{0, 1, 2}, {2, 3}},
        {{1, 2}, {0, 2, 3}}, {{-1, 1, 2}, {0, 2, 3}}, {{0, 1, 2}, {-1, 2, 3}}, {{2}, {0, 2, 3}}, {{0, 1, 2}, {2}},
    };
    private static final Gen<TensorGen.Inputs> OPERANDS = integers().between(0, CASES.length - 1)
            .zip(TensorGen.shapeOfRank(4), MatMulProperties::shapes)
            .flatMap(s -> tensorOf(s[0], uniform(-2, 2)).zip(tensorOf(s[1], uniform(-2, 2)), TensorGen.Inputs::of));

    /** Case {@code c} with b, m, k, n = dims (index -1 stands for a batch of 1). */
    private static int[][] shapes(int c, int[] dims) {
        int[][] out = new int[2][];
        for (int o = 0; o < 2; o++) {
            int[] pattern = CASES[c][o];
            out[o] = new int[pattern.length];
            for (int i = 0; i < pattern.length; i++) {
                out[o][i] = pattern[i] < 0 ? 1 : dims[pattern[i]];
            }
        }
        return out;
    }

    private static Tensor op(List<Tensor> in) {
        return in.get(0).matmul(in.get(1));
    }

    /** NumPy: 1-D operands become [1, k] / [k, 1] and lose that axis again; batches broadcast; loops over i, j, l. */
    private static Ref.Expected reference(Tensor x, Tensor y) {
        int rx = x.shape.length;
        int ry = y.shape.length;
        int m = rx == 1 ? 1 : x.shape[rx - 2];
        int k = x.shape[rx - 1];
        int n = ry == 1 ? 1 : y.shape[ry - 1];
        int bx = rx == 3 ? x.shape[0] : 1;
        int by = ry == 3 ? y.shape[0] : 1;
        int batch = Math.max(bx, by);
        double[] out = new double[batch * m * n];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int l = 0; l < k; l++) {
                        s += x.data[((bx == 1 ? 0 : b) * m + i) * k + l] * y.data[((by == 1 ? 0 : b) * k + l) * n + j];
                    }
                    out[(b * m + i) * n + j] = s;
                }
            }
        }
        int[] shape = java.util.stream.IntStream.of(rx == 3 || ry == 3 ? batch : -1, rx == 1 ? -1 : m, ry == 1 ? -1 : n)
                .filter(d -> d >= 0).toArray();
        return new Ref.Expected(shape, out);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(80).forAll(OPERANDS).checkAssert(p -> OpChecks.gradcheck(MatMulProperties::op, p.get(0),
                p.get(1)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(OPERANDS).checkAssert(p -> OpChecks.gradHasInputShape(MatMulProperties::op,
                p.get(0), p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(80).forAll(OPERANDS).checkAssert(p -> OpChecks.assertMatches(reference(p.get(0), p.get(1)),
                op(p.list())));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(OPERANDS).checkAssert(p -> {
            OpChecks.gradcheckSecondOrder(MatMulProperties::op, p.get(0), p.get(1));
            // Squared, the incoming gradient depends on the inputs too: the transposed products of the backward
            // are then differentiated with respect to both of their operands.
            OpChecks.gradcheckSecondOrder(in -> op(in).square(), p.get(0), p.get(1));
        });
    }

    @Test
    void float32Promotes() {
        qt().withExamples(40).forAll(OPERANDS).checkAssert(p -> {
            Tensor x32 = OpChecks.float32(p.get(0)).requiresGrad(true);
            Tensor mixed = x32.matmul(p.get(1));
            assertEquals(DType.FLOAT64, mixed.dtype());
            assertEquals(DType.FLOAT32, x32.matmul(OpChecks.float32(p.get(1))).dtype());
            mixed.backward(Tensor.full(1.0, mixed.shape()));
            assertEquals(DType.FLOAT32, x32.grad().dtype());
            OpChecks.assertFloat32MatchesFloat64(MatMulProperties::op, p.get(0), p.get(1));
        });
    }
}
