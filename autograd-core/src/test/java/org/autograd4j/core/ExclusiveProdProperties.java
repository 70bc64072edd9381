package org.autograd4j.core;

import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;

/** {@link ExclusiveProd}: the product of the other elements of each row, zeros included (prod's gradient). */
class ExclusiveProdProperties extends OneInputOpProperties<ExclusiveProdProperties.Rows> {
    record Rows(Tensor x) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return ExclusiveProd.apply(t);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x);
        }
    }

    @Override
    Gen<Rows> cases() {
        return TensorGen.shapeOfRank(2).flatMap(s -> TensorGen.tensorOf(s, integers().between(-2, 2)
                .map(k -> 0.6 * k))).map(Rows::new);
    }

    @Override
    Ref.Expected reference(Rows c) {
        Tensor x = c.x();
        int m = x.shape[0];
        int n = x.shape[1];
        double[] out = new double[m * n];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < n; i++) {
                double p = 1;
                for (int j = 0; j < n; j++) {
                    p *= j == i ? 1 : x.at(r * n + j);
                }
                out[r * n + i] = p;
            }
        }
        return new Ref.Expected(x.shape, out);
    }
}
