package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.permutations;
import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Reshape}: {@code reshape} (with -1), {@code flatten}, {@code squeeze}, {@code unsqueeze}. */
class ReshapeProperties {
    /** A tensor and a new shape of as many elements: its dims reordered, a 1 inserted, maybe one dim given as -1. */
    private static final Gen<Case> CASES = shapes(0, 3).flatMap(s -> tensorOf(s, uniform(-2, 2))
            .zip(permutations(s.length), integers().between(0, s.length), booleans().all(), Case::of));

    record Case(Tensor x, int[] shape, long[] request) {
        static Case of(Tensor x, int[] perm, int one, boolean inferFirst) {
            int[] shape = new int[perm.length + 1];
            for (int i = 0, j = 0; i < shape.length; i++) {
                shape[i] = i == one ? 1 : x.shape[perm[j++]];
            }
            long[] request = Arrays.stream(shape).asLongStream().toArray();
            if (inferFirst) {
                request[0] = -1;
            }
            return new Case(x, shape, request);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + " reshaped to " + Arrays.toString(request);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(in -> in.get(0).reshape(c.request()),
                c.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> {
            OpChecks.gradHasInputShape(in -> in.get(0).reshape(c.request()), c.x());
            OpChecks.gradHasInputShape(in -> in.get(0).flatten(), c.x());
        });
    }

    @Test
    void forwardKeepsTheValuesInOrder() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> {
            OpChecks.assertMatches(new Ref.Expected(c.shape(), c.x().data), c.x().reshape(c.request()));
            OpChecks.assertMatches(new Ref.Expected(new int[] {c.x().data.length}, c.x().data), c.x().flatten());
        });
    }

    @Test
    void unsqueezeThenSqueezeRoundTrips() {
        Gen<Integer> positions = integers().between(0, 3);
        qt().withExamples(60).forAll(CASES, positions, booleans().all()).checkAssert((c, p, fromEnd) -> {
            Tensor x = c.x();
            int at = p % (x.rank() + 1);
            int axis = fromEnd ? at - x.rank() - 1 : at;
            Tensor up = x.unsqueeze(axis);
            OpChecks.assertMatches(new Ref.Expected(Shapes.inserted(x.shape, at, 1), x.data), up);
            OpChecks.assertMatches(new Ref.Expected(x.shape, x.data), up.squeeze(axis));
            OpChecks.gradcheck(in -> in.get(0).unsqueeze(axis).mul(2.0).squeeze(axis), x);
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> in.get(0).reshape(c.request()).square(), c.x()));
    }
}
