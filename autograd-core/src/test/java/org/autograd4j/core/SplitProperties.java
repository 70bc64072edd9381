package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code split} (by size and by sizes) and {@code chunk}, composites (slices): the pieces match the input's parts,
 * and each piece's gradient lands in its part: the pieces are weighted differently and joined, so a mixed-up piece
 * would show.
 */
class SplitProperties {
    /** How to cut: 0 by size, 1 by sizes, 2 in chunks; {@code n} is the size or the number of chunks. */
    record Cut(Tensor x, int axis, int how, int n) {
        List<Tensor> apply(Tensor t) {
            int size = t.shape[Math.floorMod(axis, t.rank())];
            return switch (how) {
                case 0 -> t.split(n, axis);
                case 1 -> t.split(new long[] {Math.min(n, size), size - Math.min(n, size)}, axis);
                default -> t.chunk(n, axis);
            };
        }

        /** The pieces, the i-th times i + 1, joined again along the axis: one tensor of the input's shape. */
        Tensor joined(Tensor t) {
            List<Tensor> pieces = new ArrayList<>(apply(t));
            for (int i = 0; i < pieces.size(); i++) {
                pieces.set(i, pieces.get(i).mul(i + 1.0));
            }
            return Tensor.concat(pieces, axis);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + " axis " + axis + (how == 0 ? " split " : how == 1 ? " sizes " : " chunk ")
                    + n;
        }
    }

    private static final Gen<Cut> CASES = TensorGen.tensors(1, 3, TensorGen.uniform(-2, 2)).zip(
            integers().between(-3, 2), integers().between(0, 2), integers().between(1, 5),
            (x, a, how, n) -> new Cut(x, TensorGen.axis(a, x.rank()), how, n));

    private static Function<List<Tensor>, Tensor> op(Cut c) {
        return in -> c.joined(in.get(0));
    }

    @Test
    void piecesAreTheParts() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> {
            int a = Math.floorMod(c.axis(), c.x().rank());
            int from = 0;
            for (Tensor piece : c.apply(c.x())) {
                int len = piece.shape[a];
                OpChecks.assertMatches(new Ref.Expected(piece.shape, c.x().slice(a, from, from + len).data), piece);
                from += len;
            }
            assertEquals(c.x().shape[a], from, "the pieces cover the axis");
        });
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(op(c), c.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(20).forAll(CASES).checkAssert(c -> OpChecks.gradHasInputShape(op(c), c.x()));
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(CASES).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(op(c), c.x()));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(25).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> op(c).apply(in).square(), c.x()));
    }

    /** PyTorch's sizes: split(2) of 5 gives 2, 2, 1; chunk(4) of 5 gives pieces of 2: 2, 2, 1 (three, not four). */
    @Test
    void sizesAsPyTorch() {
        Tensor x = Tensor.zeros(3, 5);
        assertArrayEquals(new long[] {2, 2, 1}, x.split(2, 1).stream().mapToLong(t -> t.size(1)).toArray());
        assertArrayEquals(new long[] {2, 2, 1}, x.chunk(4, -1).stream().mapToLong(t -> t.size(1)).toArray());
        assertArrayEquals(new long[] {1, 1, 1}, x.chunk(3, 0).stream().mapToLong(t -> t.size(0)).toArray());
        ErrorMessagesTest.argument("split: split size must be > 0, got 0", () -> x.split(0, 1));
        ErrorMessagesTest.argument("split: sizes [2, 2] add up to 4 but axis 1 of shape [3, 5] has size 5",
                () -> x.split(new long[] {2, 2}, 1));
        ErrorMessagesTest.argument("chunk: number of chunks must be > 0, got 0", () -> x.chunk(0, 1));
        ErrorMessagesTest.argument("split: axis 2 is out of range for a tensor of rank 2", () -> x.split(1, 2));
    }
}
