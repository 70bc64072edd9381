package org.autograd4j.core;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.quicktheories.core.Gen;

/**
 * Reductions over a set of axes for the properties classes: a generated case (a tensor of rank 0 to 3, a non-empty set
 * of its axes written with either sign, keepDims) and the plain-Java reference that groups the values of each result
 * element and reduces them.
 */
final class AxesGen {
    private AxesGen() {
    }

    /** One reduction: input, axes as the user writes them (maybe negative), keepDims. */
    record Case(Tensor x, int[] axes, boolean keepDims) {
        /** The axes resolved and ascending (none for a 0-d tensor). */
        int[] resolved() {
            return Arguments.axes("test", axes, x.rank());
        }

        /** How many elements each result element combines. */
        int count() {
            return Arguments.count(x.shape, resolved());
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + " over axes " + Arrays.toString(axes) + (keepDims ? ", keepDims" : "");
        }
    }

    static Gen<Case> cases(Gen<Double> values) {
        return over(TensorGen.tensors(values));
    }

    /** Cases over the given tensors: axis bits pick the set (one axis at least), sign bits write some negative. */
    static Gen<Case> over(Gen<Tensor> tensors) {
        return tensors.zip(integers().between(0, 7), integers().between(0, 7), booleans().all(), AxesGen::make);
    }

    private static Case make(Tensor x, int bits, int signs, boolean keep) {
        int r = x.rank();
        if (r == 0) {
            return new Case(x, new int[] {(signs & 1) == 1 ? -1 : 0}, keep);
        }
        List<Integer> axes = new ArrayList<>();
        for (int a = 0; a < r; a++) {
            if ((bits >> a & 1) == 1) {
                axes.add((signs >> a & 1) == 1 ? a - r : a);
            }
        }
        if (axes.isEmpty()) {
            axes.add(bits % r);
        }
        return new Case(x, axes.stream().mapToInt(Integer::intValue).toArray(), keep);
    }

    /** Cases over tensors of a given shape generator, e.g. {@link TensorGen#distinct}. */
    static Gen<Case> cases(Gen<int[]> shapes, Function<int[], Gen<Tensor>> tensors) {
        return over(shapes.flatMap(tensors::apply));
    }

    /** The reference: each result element is {@code f} of the values it combines, in row-major order. */
    static Ref.Expected reduce(Case c, ToDoubleFunction<double[]> f) {
        Tensor x = c.x();
        int[] axes = c.resolved();
        int[] kept = x.shape.clone();
        for (int a : axes) {
            kept[a] = 1;
        }
        List<List<Double>> groups = new ArrayList<>();
        for (int i = 0; i < Ref.size(kept); i++) {
            groups.add(new ArrayList<>());
        }
        for (int e = 0; e < x.length(); e++) {
            int[] idx = Ref.unravel(e, x.shape);
            for (int a : axes) {
                idx[a] = 0;
            }
            groups.get(Ref.ravel(idx, kept)).add(x.at(e));
        }
        double[] out = new double[groups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(groups.get(i).stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new Ref.Expected(Arguments.reduced(x.shape, axes, c.keepDims()), out);
    }
}
