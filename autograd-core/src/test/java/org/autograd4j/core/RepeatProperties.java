package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code repeat} and {@code tile}, composites (a reshape, a broadcast that the gradient sums, a reshape): counts 0 to
 * 3, as many as the axes or one more (repeat), or fewer (tile).
 */
class RepeatProperties extends OneInputOpProperties<RepeatProperties.Reps> {
    record Reps(Tensor x, long[] reps, boolean tile) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return tile ? t.tile(reps) : t.repeat(reps);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + (tile ? ".tile(" : ".repeat(") + java.util.Arrays.toString(reps) + ")";
        }
    }

    @Override
    Gen<Reps> cases() {
        return TensorGen.tensors(TensorGen.uniform(-2, 2)).zip(lists().of(integers().between(0, 3)).ofSize(4),
                integers().between(0, 1), booleans().all(), (x, counts, extra, tile) -> {
                    int n = tile ? Math.max(0, x.rank() - extra) : x.rank() + extra;
                    return new Reps(x, counts.subList(0, n).stream().mapToLong(v -> v).toArray(), tile);
                });
    }

    /** out[idx] = x[idx mod shape], the input's axes aligned to the last ones. */
    @Override
    Ref.Expected reference(Reps c) {
        Tensor x = c.x();
        int r = Math.max(c.reps().length, x.rank());
        long[] reps = new long[r];
        java.util.Arrays.fill(reps, 1);
        System.arraycopy(c.reps(), 0, reps, r - c.reps().length, c.reps().length);
        int[] padded = new int[r];
        java.util.Arrays.fill(padded, 1);
        System.arraycopy(x.shape, 0, padded, r - x.rank(), x.rank());
        int[] shape = new int[r];
        for (int d = 0; d < r; d++) {
            shape[d] = (int) reps[d] * padded[d];
        }
        double[] out = new double[Ref.size(shape)];
        for (int i = 0; i < out.length; i++) {
            int[] idx = Ref.unravel(i, shape);
            for (int d = 0; d < r; d++) {
                idx[d] %= padded[d];
            }
            out[i] = x.at(Ref.ravel(idx, padded));
        }
        return new Ref.Expected(shape, out);
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(cases()).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(
                in -> c.apply(in.get(0)), c.x()));
    }

    @Test
    void examplesAndErrors() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new long[] {4, 2, 6}, x.repeat(4, 1, 2).shape());
        assertArrayEquals(new long[] {2, 6}, x.tile(2).shape());
        assertArrayEquals(new double[] {1, 2, 1, 2}, Tensor.of(new double[] {1, 2}).repeat(2).toDoubleArray(), 0.0);
        ErrorMessagesTest.argument("repeat: 1 repetition counts for shape [2, 3]; give one per axis at least",
                () -> x.repeat(2));
        ErrorMessagesTest.argument("repeat: dimensions must be >= 0, got [-1, 2]", () -> x.repeat(-1, 2));
    }
}
