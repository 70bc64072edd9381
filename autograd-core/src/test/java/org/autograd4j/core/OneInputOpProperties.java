package org.autograd4j.core;

import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The four properties of an op with one differentiable input whose other arguments (axes, bounds, indices) come with
 * each generated case: the gradient matches central differences, has the input's shape, the forward matches a
 * plain-Java reference, and the second-order gradient (of the squared output, since these ops are linear) matches
 * central differences too. A subclass supplies the cases and the reference; JUnit runs the inherited tests.
 *
 * @param <C> the generated case
 */
abstract class OneInputOpProperties<C extends OneInputOpProperties.Case> {
    /** One generated call of the op: its differentiable input and how to apply the op to any tensor of that shape. */
    interface Case {
        Tensor x();

        Tensor apply(Tensor t);
    }

    abstract Gen<C> cases();

    abstract Ref.Expected reference(C c);

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(cases()).checkAssert(c -> OpChecks.gradcheck(in -> c.apply(in.get(0)), c.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(cases()).checkAssert(c -> OpChecks.gradHasInputShape(in -> c.apply(in.get(0)),
                c.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(cases()).checkAssert(c -> OpChecks.assertMatches(reference(c),
                c.apply(c.x())));
    }

    /** The squared output makes the second derivative non-zero, so the adjoint op's own backward is exercised. */
    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(cases()).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> c.apply(in.get(0)).square(), c.x()));
    }
}
