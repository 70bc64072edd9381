package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link Prod} over sets of axes. Values are multiples of 0.6 from -1.2 to 1.2, so a third are exactly 0 and many
 * groups hold one zero or several: a product is a polynomial, so central differences are exact enough there too.
 */
class ProdProperties extends ReductionProperties {
    @Override
    Gen<AxesGen.Case> cases() {
        return AxesGen.cases(integers().between(-2, 2).map(k -> 0.6 * k));
    }

    @Override
    Tensor apply(Tensor x, AxesGen.Case c) {
        return x.prod(c.axes(), c.keepDims());
    }

    @Override
    double reference(double[] values, AxesGen.Case c) {
        double p = 1;
        for (double v : values) {
            p *= v;
        }
        return p;
    }

    /**
     * One zero: only it gets a gradient (the product of the others); two zeros: none does. Second order: the
     * gradient of Σ g is, for each element, the sum of the products of the others but one ({@code x2 + x1} for
     * {@code x0} in a row of three), which the two zeros do not all cancel.
     */
    @Test
    void zerosGetTheProductOfTheOthers() {
        Tensor x = Tensor.of(new double[] {2, 0, 3, 0, 0, 5}, 2, 3).requiresGrad(true);
        Tensor g = Autograd.grad(x.prod(new int[] {1}, false).sum(), List.of(x), true).get(0);
        assertArrayEquals(new double[] {0, 6, 0, 0, 0, 0}, g.toDoubleArray(), 0.0);
        Tensor h = Autograd.grad(g.sum(), List.of(x), false).get(0);
        assertArrayEquals(new double[] {3, 5, 2, 5, 5, 0}, h.toDoubleArray(), 0.0);
        Tensor all = Tensor.of(new double[] {2, 0, 3}).requiresGrad(true);
        all.prod().backward();
        assertArrayEquals(new double[] {0, 6, 0}, all.grad().toDoubleArray(), 0.0);
    }

    @Test
    void emptyProductIsOne() {
        assertArrayEquals(new double[] {1, 1}, Tensor.zeros(2, 0).prod(new int[] {1}, false).toDoubleArray(), 0.0);
    }
}
