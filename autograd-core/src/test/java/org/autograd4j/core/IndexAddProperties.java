package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import org.quicktheories.core.Gen;

/** {@link IndexAdd} (internal, the adjoint of index): rows added into {@code n} zero rows; reached through apply. */
class IndexAddProperties extends OneInputOpProperties<IndexAddProperties.Case> {
    /** n target rows, and one source row per entry of {@code rows} (repeats add up). */
    private static final Gen<Case> CASES = integers().between(1, TensorGen.MAX_DIM).flatMap(n -> lists()
            .of(integers().between(0, n - 1)).ofSizeBetween(0, 5).flatMap(rows -> shapes(0, 2)
                    .flatMap(inner -> tensorOf(Shapes.inserted(inner, 0, rows.size()), uniform(-2, 2))
                            .map(x -> new Case(x, rows.stream().mapToInt(Integer::intValue).toArray(), n)))));

    record Case(Tensor x, int[] rows, int n) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return IndexAdd.apply(t, rows, n);
        }

        @Override
        public String toString() {
            return "IndexAdd.apply(" + TensorGen.describe(x) + ", rows " + Arrays.toString(rows) + ", n " + n + ")";
        }
    }

    @Override
    Gen<Case> cases() {
        return CASES;
    }

    @Override
    Ref.Expected reference(Case c) {
        int[] shape = Shapes.with(c.x().shape, 0, c.n());
        double[] out = new double[Ref.size(shape)];
        for (int i = 0; i < c.x().data.length; i++) {
            int[] idx = Ref.unravel(i, c.x().shape);
            idx[0] = c.rows()[idx[0]];
            out[Ref.ravel(idx, shape)] += c.x().data[i];
        }
        return new Ref.Expected(shape, out);
    }

}
