package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Erf}: the error function, elementwise. */
class ErfProperties {
    /** Both sides of 0 and past 3, where the op switches from its series to a continued fraction. */
    private static final Gen<Tensor> INPUTS = tensors(uniform(-4, 4));

    private static Tensor op(List<Tensor> in) {
        return in.get(0).erf();
    }

    /** {@code 2/√π ∫₀ˣ e^{-t²} dt} by Simpson's rule on 4000 intervals (error far below 1e-12 for |x| ≤ 4). */
    static double reference(double x) {
        int n = 4000;
        double h = x / n;
        double s = 1.0 + Math.exp(-x * x);
        for (int i = 1; i < n; i++) {
            double t = i * h;
            s += (i % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
        }
        return 2.0 / Math.sqrt(Math.PI) * s * h / 3.0;
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(ErfProperties::op, x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradHasInputShape(ErfProperties::op, x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.assertMatches(
                Ref.map(x, ErfProperties::reference), x.erf()));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> OpChecks.assertFloat32Unary(ErfProperties::op,
                ErfProperties::reference, x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(ErfProperties::op, x));
    }
}
