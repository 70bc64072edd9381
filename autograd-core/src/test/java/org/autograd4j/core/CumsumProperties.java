package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Cumsum}: cumulative sums along any axis (maybe negative) of tensors of rank 1 to 3. */
class CumsumProperties extends OneInputOpProperties<CumsumProperties.Along> {
    record Along(Tensor x, int axis) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return t.cumsum(axis);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + ".cumsum(" + axis + ")";
        }
    }

    @Override
    Gen<Along> cases() {
        return TensorGen.tensors(1, 3, TensorGen.uniform(-2, 2)).zip(integers().between(-3, 2),
                (x, a) -> new Along(x, TensorGen.axis(a, x.rank())));
    }

    @Override
    Ref.Expected reference(Along c) {
        Tensor x = c.x();
        int a = Math.floorMod(c.axis(), x.rank());
        double[] out = new double[x.length()];
        for (int e = 0; e < out.length; e++) {
            int[] idx = Ref.unravel(e, x.shape);
            int upTo = idx[a];
            for (int j = 0; j <= upTo; j++) {
                idx[a] = j;
                out[e] += x.at(Ref.ravel(idx, x.shape));
            }
        }
        return new Ref.Expected(x.shape, out);
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(cases()).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(
                in -> c.apply(in.get(0)), c.x()));
    }

    @Test
    void scalarAndErrors() {
        assertArrayEquals(new double[] {2.5}, Tensor.scalar(2.5).cumsum(-1).toDoubleArray(), 0.0);
        ErrorMessagesTest.argument("cumsum: axis 2 is out of range for a tensor of rank 2",
                () -> Tensor.zeros(2, 3).cumsum(2));
        ErrorMessagesTest.argument("cumsum: axis 1 is out of range for a tensor of rank 0 (0 or -1 name its one"
                + " element)", () -> Tensor.scalar(1).cumsum(1));
    }
}
