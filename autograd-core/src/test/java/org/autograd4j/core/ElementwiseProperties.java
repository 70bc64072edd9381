package org.autograd4j.core;

import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The five properties of an elementwise function of one tensor, for ops and composites alike: the gradient and its
 * own gradient (through {@code createGraph}) match central differences, the gradient has the input's shape, the
 * forward matches a plain-Java reference, and FLOAT32 stays FLOAT32 with the reference's values rounded. A subclass
 * supplies the input values, the op and the reference; JUnit runs the inherited tests.
 */
abstract class ElementwiseProperties {
    /** The values to draw, away from kinks and domain edges. */
    abstract Gen<Double> values();

    abstract Tensor apply(Tensor x);

    abstract double reference(double x);

    private Gen<Tensor> inputs() {
        return TensorGen.tensors(values());
    }

    private Tensor op(List<Tensor> in) {
        return apply(in.get(0));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(40).forAll(inputs()).checkAssert(x -> OpChecks.gradcheck(this::op, x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(20).forAll(inputs()).checkAssert(x -> OpChecks.gradHasInputShape(this::op, x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(40).forAll(inputs()).checkAssert(x -> OpChecks.assertMatches(Ref.map(x, this::reference),
                apply(x)));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(20).forAll(inputs()).checkAssert(x -> OpChecks.assertFloat32Unary(this::op,
                this::reference, x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(30).forAll(inputs()).checkAssert(x -> OpChecks.gradcheckSecondOrder(this::op, x));
    }
}
