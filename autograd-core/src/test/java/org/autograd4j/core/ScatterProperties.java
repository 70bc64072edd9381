package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code scatter}, a composite ({@link ScatterAdd} and masks), with gradients for both the input and {@code src};
 * the generated cases ({@link #CASES}) serve {@code scatterAdd} too ({@code ScatterAddProperties}).
 */
class ScatterProperties {
    /** Input, axis, an index no larger than src (nor than the input off the axis), src; repeats likely. */
    record Case(Tensor x, int axis, Tensor index, Tensor src) {
        @Override
        public String toString() {
            return TensorGen.describe(x) + " axis " + axis + " index " + TensorGen.describe(index) + " src "
                    + TensorGen.describe(src);
        }
    }

    static final Gen<Case> CASES = TensorGen.shapes(1, 3).flatMap(shape -> integers().between(0, shape.length - 1)
            .flatMap(axis -> TensorGen.shapeOfRank(shape.length).flatMap(raw -> {
                int[] indexShape = new int[shape.length];
                int[] srcShape = new int[shape.length];
                for (int d = 0; d < shape.length; d++) {
                    indexShape[d] = d == axis ? raw[d] : Math.min(raw[d], shape[d]);
                    srcShape[d] = indexShape[d] + (raw[d] % 2);
                }
                int n = shape[axis];
                Gen<Tensor> index = lists().of(integers().between(0, n - 1).map(Integer::doubleValue))
                        .ofSize(Shapes.size(indexShape)).map(v -> TensorGen.leaf(indexShape, v));
                return TensorGen.tensorOf(shape, TensorGen.uniform(-2, 2)).zip(index,
                        TensorGen.tensorOf(srcShape, TensorGen.uniform(-2, 2)),
                        (x, i, s) -> new Case(x, axis - (raw[0] % 2) * shape.length, i, s));
            })));

    /** The reference: writes in row-major order of the index, each to its place, replacing or adding. */
    static Ref.Expected reference(Case c, boolean add) {
        Tensor x = c.x();
        int a = Math.floorMod(c.axis(), x.rank());
        double[] out = x.data.clone();
        for (int i = 0; i < c.index().length(); i++) {
            int[] idx = Ref.unravel(i, c.index().shape);
            double v = c.src().at(Ref.ravel(idx, c.src().shape));
            idx[a] = (int) c.index().at(i);
            int p = Ref.ravel(idx, x.shape);
            out[p] = add ? out[p] + v : v;
        }
        return new Ref.Expected(x.shape, out);
    }

    private static Function<List<Tensor>, Tensor> op(Case c) {
        return in -> in.get(0).scatter(c.axis(), c.index(), in.get(1));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(op(c), c.x(), c.src()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(20).forAll(CASES).checkAssert(c -> OpChecks.gradHasInputShape(op(c), c.x(), c.src()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.assertMatches(reference(c, false),
                c.x().scatter(c.axis(), c.index(), c.src())));
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(CASES).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(op(c), c.x(),
                c.src()));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(25).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> op(c).apply(in).square(), c.x(), c.src()));
    }

    /** A repeated position keeps the last write; the overwritten input and the losing src element get no gradient. */
    @Test
    void lastWriteWins() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor src = Tensor.of(new double[] {10, 20, 30}).requiresGrad(true);
        Tensor out = x.scatter(0, Tensor.of(new double[] {2, 0, 2}), src);
        assertArrayEquals(new double[] {20, 2, 30}, out.toDoubleArray(), 0.0);
        out.sum().backward();
        assertArrayEquals(new double[] {0, 1, 0}, x.grad().toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {0, 1, 1}, src.grad().toDoubleArray(), 0.0);
    }

    /** The scalar form writes one value; the gradient flows to the input's places that were not written. */
    @Test
    void scalarValue() {
        qt().withExamples(30).forAll(CASES).checkAssert(c -> {
            Tensor src = Tensor.full(-3.5, c.src().shape());
            OpChecks.assertMatches(reference(new Case(c.x(), c.axis(), c.index(), src), false),
                    c.x().scatter(c.axis(), c.index(), -3.5));
            OpChecks.gradcheck(in -> in.get(0).scatter(c.axis(), c.index(), -3.5).square(), c.x());
        });
    }

    @Test
    void errorsNameTheShapes() {
        Tensor x = Tensor.zeros(2, 3);
        ErrorMessagesTest.argument("scatter: input [2, 3], index [2] and src [2, 3] must have the same rank",
                () -> x.scatter(0, Tensor.zeros(2), Tensor.zeros(2, 3)));
        ErrorMessagesTest.argument("scatterAdd: index of shape [2, 4] is larger than src [2, 4] or, off axis 0, than"
                + " the input [2, 3] (axis 1)", () -> x.scatterAdd(0, Tensor.zeros(2, 4), Tensor.zeros(2, 4)));
        ErrorMessagesTest.argument("scatter: index 2.0 at position 1 is not a whole number in [0, 2) for axis 0 of"
                + " shape [2, 3]", () -> x.scatter(0, Tensor.of(new double[] {0, 2}, 1, 2), Tensor.zeros(1, 2)));
        ErrorMessagesTest.argument("scatter: axis 2 is out of range for a tensor of rank 2",
                () -> x.scatter(2, Tensor.zeros(1, 1), Tensor.zeros(1, 1)));
    }
}
