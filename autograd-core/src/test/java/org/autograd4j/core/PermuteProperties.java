package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.permutations;
import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Permute}: {@code permute(axes)} and {@code transpose} (which swaps two axes). */
class PermuteProperties {
    /** A tensor of rank 0 to 3 and a permutation of its axes. */
    private static final Gen<Case> CASES = shapes(0, 3).flatMap(s -> tensorOf(s, uniform(-2, 2))
            .zip(permutations(s.length), Case::new));

    record Case(Tensor x, int[] perm) {
        @Override
        public String toString() {
            return TensorGen.describe(x) + " permuted by " + Arrays.toString(perm);
        }
    }

    /** Result axis i is input axis perm[i]: out[idx] = x[src] with src[perm[i]] = idx[i]. */
    private static Ref.Expected reference(Tensor x, int[] perm) {
        int[] shape = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            shape[i] = x.shape[perm[i]];
        }
        double[] out = new double[x.data.length];
        for (int o = 0; o < out.length; o++) {
            int[] idx = Ref.unravel(o, shape);
            int[] src = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                src[perm[i]] = idx[i];
            }
            out[o] = x.data[Ref.ravel(src, x.shape)];
        }
        return new Ref.Expected(shape, out);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(in -> in.get(0).permute(c.perm()),
                c.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradHasInputShape(
                in -> in.get(0).permute(c.perm()), c.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> {
            OpChecks.assertMatches(reference(c.x(), c.perm()), c.x().permute(c.perm()));
            int[] fromTheEnd = Arrays.stream(c.perm()).map(a -> a - c.perm().length).toArray();
            OpChecks.assertMatches(reference(c.x(), c.perm()), c.x().permute(fromTheEnd));
        });
    }

    @Test
    void transposeSwapsTwoAxesCountedEitherWay() {
        Gen<Integer> axes = integers().between(0, 2);
        qt().withExamples(60).forAll(CASES, axes, axes).checkAssert((c, i, j) -> {
            Tensor x = c.x();
            int rank = x.rank();
            if (rank < 2) {
                // a view with the same values, not x itself (PyTorchRulesTest)
                assertNotSame(x, x.transpose());
                OpChecks.assertMatches(reference(x, java.util.stream.IntStream.range(0, rank).toArray()),
                        x.transpose());
                return;
            }
            int a = i % rank;
            int b = j % rank;
            int[] perm = java.util.stream.IntStream.range(0, rank).toArray();
            perm[a] = b;
            perm[b] = a;
            OpChecks.assertMatches(reference(x, perm), x.transpose(a - rank, b));
            int[] lastTwo = rank == 3 ? new int[] {0, 2, 1} : new int[] {1, 0};
            OpChecks.assertMatches(reference(x, lastTwo), x.transpose());
            OpChecks.gradcheck(in -> in.get(0).transpose(a, b - rank), x);
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> in.get(0).permute(c.perm()).square(), c.x()));
    }
}
