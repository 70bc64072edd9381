package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@code flatten(start, end)}, a composite ({@link Reshape}), over every range of axes written with either sign. */
class FlattenProperties extends OneInputOpProperties<FlattenProperties.Range> {
    record Range(Tensor x, int start, int end) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return t.flatten(start, end);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + ".flatten(" + start + ", " + end + ")";
        }
    }

    @Override
    Gen<Range> cases() {
        return TensorGen.tensors(1, 3, TensorGen.uniform(-2, 2)).zip(integers().between(0, 5), integers().between(0, 5),
                integers().between(0, 3), (x, p, q, signs) -> {
                    int r = x.rank();
                    int s = Math.min(p % r, q % r);
                    int e = Math.max(p % r, q % r);
                    return new Range(x, (signs & 1) == 1 ? s - r : s, (signs & 2) == 2 ? e - r : e);
                });
    }

    @Override
    Ref.Expected reference(Range c) {
        int[] shape = c.x().shape;
        int r = shape.length;
        int s = Math.floorMod(c.start(), r);
        int e = Math.floorMod(c.end(), r);
        int[] out = new int[r - (e - s)];
        int merged = 1;
        for (int d = s; d <= e; d++) {
            merged *= shape[d];
        }
        for (int d = 0, j = 0; d < r; d++) {
            if (d < s || d > e) {
                out[j++] = shape[d];
            } else if (d == s) {
                out[j++] = merged;
            }
        }
        return new Ref.Expected(out, c.x().data);
    }

    @Test
    void examplesAndErrors() {
        assertArrayEquals(new long[] {2, 12, 5}, Tensor.zeros(2, 3, 4, 5).flatten(1, 2).shape());
        assertArrayEquals(new long[] {1}, Tensor.scalar(3).flatten(0, -1).shape());
        assertArrayEquals(new long[] {6}, Tensor.zeros(2, 3).flatten(0, -1).shape());
        Tensor m = Tensor.zeros(2, 3);
        ErrorMessagesTest.argument("flatten: start axis 3 out of range for shape [2, 3]", () -> m.flatten(3, 1));
        ErrorMessagesTest.argument("flatten: end axis -3 out of range for shape [2, 3]", () -> m.flatten(0, -3));
        ErrorMessagesTest.argument("flatten: start axis 1 comes after end axis 0 for shape [2, 3]",
                () -> m.flatten(1, 0));
        ErrorMessagesTest.argument("flatten: start axis 1 out of range for shape []", () -> Tensor.scalar(1)
                .flatten(1, 1));
    }
}
