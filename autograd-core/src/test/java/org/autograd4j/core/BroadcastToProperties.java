package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link BroadcastTo}: values repeated along broadcast axes; the gradient sums them back. */
class BroadcastToProperties {
    /** A tensor and a shape it broadcasts to (leading axes added, size-1 axes expanded). */
    private static final Gen<Case> CASES = TensorGen.broadcastShapes(2).flatMap(s -> tensorOf(s[0], uniform(-2, 2))
            .map(x -> new Case(x, Ref.broadcastShape(s[0], s[1]))));

    record Case(Tensor x, int[] target) {
        long[] request() {
            return Arrays.stream(target).asLongStream().toArray();
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + " broadcast to " + Arrays.toString(target);
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(
                in -> in.get(0).broadcastTo(c.request()), c.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradHasInputShape(
                in -> in.get(0).broadcastTo(c.request()), c.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> {
            double[] out = new double[Ref.size(c.target())];
            for (int i = 0; i < out.length; i++) {
                out[i] = Ref.at(c.x(), Ref.unravel(i, c.target()));
            }
            OpChecks.assertMatches(new Ref.Expected(c.target(), out), c.x().broadcastTo(c.request()));
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> in.get(0).broadcastTo(c.request()).square(), c.x()));
    }
}
