package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.pairs;
import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/** {@link Add}: {@code x + y} and {@code x + c}, broadcasting. */
class AddProperties {
    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(pairs(uniform(-2, 2), uniform(-2, 2)))
                .checkAssert(p -> OpChecks.gradcheck(in -> in.get(0).add(in.get(1)), p.get(0), p.get(1)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(pairs(uniform(-2, 2), uniform(-2, 2)))
                .checkAssert(p -> OpChecks.gradHasInputShape(in -> in.get(0).add(in.get(1)), p.get(0), p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(pairs(uniform(-2, 2), uniform(-2, 2)))
                .checkAssert(p -> OpChecks.assertMatches(Ref.zip(p.get(0), p.get(1), Double::sum),
                        p.get(0).add(p.get(1))));
    }

    @Test
    void doubleVariantMatchesReferenceAndGradient() {
        qt().withExamples(40).forAll(tensors(uniform(-2, 2)), uniform(-3, 3)).checkAssert((x, c) -> {
            OpChecks.assertMatches(Ref.map(x, v -> v + c), x.add(c));
            OpChecks.gradcheck(in -> in.get(0).add(c), x);
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(pairs(uniform(-2, 2), uniform(-2, 2))).checkAssert(p -> OpChecks
                .gradcheckSecondOrder(in -> in.get(0).add(in.get(1)).square(), p.get(0), p.get(1)));
    }

    @Test
    void float32Promotes() {
        qt().withExamples(40).forAll(pairs(uniform(-2, 2), uniform(-2, 2)), uniform(-3, 3))
                .checkAssert((p, c) -> OpChecks.assertFloat32Promotion(Tensor::add, Tensor::add, Double::sum,
                        p.get(0), p.get(1), c));
    }
}
