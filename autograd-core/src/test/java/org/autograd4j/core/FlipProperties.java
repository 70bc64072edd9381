package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Flip} along any set of axes (written with either sign), 0-d tensors included. */
class FlipProperties extends OneInputOpProperties<FlipProperties.Along> {
    record Along(AxesGen.Case c) implements OneInputOpProperties.Case {
        @Override
        public Tensor x() {
            return c.x();
        }

        @Override
        public Tensor apply(Tensor t) {
            return t.flip(c.axes());
        }

        @Override
        public String toString() {
            return c.toString();
        }
    }

    @Override
    Gen<Along> cases() {
        return AxesGen.cases(TensorGen.uniform(-2, 2)).map(Along::new);
    }

    @Override
    Ref.Expected reference(Along a) {
        Tensor x = a.x();
        int[] axes = a.c().resolved();
        double[] out = new double[x.length()];
        for (int i = 0; i < out.length; i++) {
            int[] idx = Ref.unravel(i, x.shape);
            for (int d : axes) {
                idx[d] = x.shape[d] - 1 - idx[d];
            }
            out[i] = x.at(Ref.ravel(idx, x.shape));
        }
        return new Ref.Expected(x.shape, out);
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(cases()).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(
                in -> c.apply(in.get(0)), c.x()));
    }

    @Test
    void examplesAndErrors() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[] {6, 5, 4, 3, 2, 1}, x.flip(0, 1).toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {3, 2, 1, 6, 5, 4}, x.flip(-1).toDoubleArray(), 0.0);
        ErrorMessagesTest.argument("flip: axis -1 appears twice in [1, -1] for a tensor of rank 2",
                () -> x.flip(1, -1));
    }
}
