package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link AddMm}: {@code bias + x·w}, for every bias shape that broadcasts to the product (fused or not). */
class AddMmProperties {
    /** Bias shapes for dimensions m, n: the fused row layouts first, then the ones that fall back to two ops. */
    private static final String[] BIAS = {"n", "1n", "mn", "m1", "", "1"};

    private static final Gen<TensorGen.Inputs> OPERANDS = integers().between(0, BIAS.length - 1)
            .zip(TensorGen.shapeOfRank(3), AddMmProperties::shapes)
            .flatMap(s -> tensorOf(s[0], uniform(-2, 2)).zip(tensorOf(s[1], uniform(-2, 2)),
                    tensorOf(s[2], uniform(-2, 2)), TensorGen.Inputs::of));

    /** Bias, x and w shapes for bias layout {@code c} and dims m, k, n. */
    private static int[][] shapes(int c, int[] dims) {
        int m = dims[0];
        int k = dims[1];
        int n = dims[2];
        int[] bias = switch (BIAS[c]) {
            case "n" -> new int[] {n};
            case "1n" -> new int[] {1, n};
            case "mn" -> new int[] {m, n};
            case "m1" -> new int[] {m, 1};
            case "1" -> new int[] {1};
            default -> new int[0];
        };
        return new int[][] {bias, {m, k}, {k, n}};
    }

    private static Tensor op(List<Tensor> in) {
        return Tensor.addmm(in.get(0), in.get(1), in.get(2));
    }

    /** Loops over i, j, l, plus the bias read with broadcasting. */
    private static Ref.Expected reference(Tensor b, Tensor x, Tensor w) {
        int m = x.shape[0];
        int k = x.shape[1];
        int n = w.shape[1];
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += x.at(i * k + l) * w.at(l * n + j);
                }
                out[i * n + j] = s + Ref.at(b, new int[] {i, j});
            }
        }
        return new Ref.Expected(new int[] {m, n}, out);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(80).forAll(OPERANDS).checkAssert(p -> OpChecks.gradcheck(AddMmProperties::op, p.get(0),
                p.get(1), p.get(2)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(OPERANDS).checkAssert(p -> OpChecks.gradHasInputShape(AddMmProperties::op,
                p.get(0), p.get(1), p.get(2)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(80).forAll(OPERANDS).checkAssert(p -> OpChecks.assertMatches(
                reference(p.get(0), p.get(1), p.get(2)), op(p.list())));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(OPERANDS).checkAssert(p -> {
            OpChecks.gradcheckSecondOrder(AddMmProperties::op, p.get(0), p.get(1), p.get(2));
            OpChecks.gradcheckSecondOrder(in -> op(in).square(), p.get(0), p.get(1), p.get(2));
        });
    }

    /** FLOAT32 operands give the FLOAT64 values and gradients within float rounding, fused and not. */
    @Test
    void float32MatchesFloat64() {
        qt().withExamples(60).forAll(OPERANDS).checkAssert(p -> OpChecks.assertFloat32MatchesFloat64(
                AddMmProperties::op, p.get(0), p.get(1), p.get(2)));
    }

    @Test
    void badShapesNameTheOpAndTheShapes() {
        Tensor x = Tensor.zeros(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.addmm(Tensor.zeros(4), x, Tensor.zeros(4, 4)));
        assertEquals("addmm: inner dimensions differ: [2, 3] @ [4, 4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.addmm(Tensor.zeros(5), x, Tensor.zeros(3, 4)));
        assertEquals("addmm: bias of shape [5] does not broadcast to the product's shape [2, 4]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.addmm(Tensor.zeros(4), Tensor.zeros(3),
                Tensor.zeros(3, 4)));
        assertEquals("addmm: x and w must be 2-D, got [3] and [3, 4]", e.getMessage());
    }
}
