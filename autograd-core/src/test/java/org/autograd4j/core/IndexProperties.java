package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Index}: {@code index(rows)}, rows along axis 0 in any order, repeats allowed. */
class IndexProperties {
    private static final Gen<Case> CASES = shapes(1, 3).flatMap(s -> tensorOf(s, uniform(-2, 2)).zip(
            lists().of(integers().between(0, s[0] - 1).map(Integer::longValue)).ofSizeBetween(0, 5),
            (x, rows) -> new Case(x, rows.stream().mapToLong(Long::longValue).toArray())));

    record Case(Tensor x, long[] rows) {
        @Override
        public String toString() {
            return TensorGen.describe(x) + ".index(" + Arrays.toString(rows) + ")";
        }
    }

    private static Ref.Expected reference(Case c) {
        int[] shape = Shapes.with(c.x().shape, 0, c.rows().length);
        double[] out = new double[Ref.size(shape)];
        for (int o = 0; o < out.length; o++) {
            int[] idx = Ref.unravel(o, shape);
            idx[0] = (int) c.rows()[idx[0]];
            out[o] = c.x().data[Ref.ravel(idx, c.x().shape)];
        }
        return new Ref.Expected(shape, out);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(in -> in.get(0).index(c.rows()),
                c.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradHasInputShape(
                in -> in.get(0).index(c.rows()), c.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.assertMatches(reference(c),
                c.x().index(c.rows())));
    }

    /** The gradient's graph goes through {@link IndexAdd}, whose own backward is an index again. */
    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> in.get(0).index(c.rows()).square(), c.x()));
    }
}
