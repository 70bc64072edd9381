package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** {@code std}, a composite (the square root of {@code var}), over sets of axes of two values at least. */
class StdProperties extends ReductionProperties {
    @Override
    Gen<AxesGen.Case> cases() {
        // distinct values, two at least (every axis of 2 or more): variance 0 is where the square root has no
        // derivative
        Gen<int[]> shapes = integers().between(1, 3).flatMap(r -> Generate.intArrays(Generate.constant(r),
                integers().between(2, TensorGen.MAX_DIM)));
        return AxesGen.cases(shapes, TensorGen::distinct);
    }

    @Override
    Tensor apply(Tensor x, AxesGen.Case c) {
        return x.std(c.axes(), VarProperties.correction(c), c.keepDims());
    }

    @Override
    double reference(double[] values, AxesGen.Case c) {
        return Math.sqrt(VarProperties.variance(values, VarProperties.correction(c)));
    }

    @Test
    void defaultsFollowPyTorch() {
        Tensor x = Tensor.of(new double[] {1, 2, 4, 7}, 2, 2);
        assertEquals(Math.sqrt(VarProperties.variance(new double[] {1, 2, 4, 7}, 1)), x.std().item(), 1e-15);
        assertEquals(x.std(new int[] {-1}, 1, false).toString(), x.std(new int[] {-1}, false).toString());
    }
}
