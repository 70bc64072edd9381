package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.shapeOfRank;
import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import org.quicktheories.core.Gen;

/**
 * {@link Gather}: {@code gather(axis, indices)}, PyTorch's gather; repeated positions sum their gradients.
 * The gradient's graph goes through {@link ScatterAdd}, whose own backward is a gather again.
 */
class GatherProperties extends OneInputOpProperties<GatherProperties.Case> {
    /** An input of rank 0 to 3 and valid whole-number indices (shared with {@link ScatterAddProperties}). */
    static final Gen<Case> CASES = GatherIndices.CASES.flatMap(i -> tensorOf(i.shape(), uniform(-2, 2))
            .map(x -> new Case(x, i)));

    record Case(Tensor x, GatherIndices i) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return t.gather(i.axis(), i.tensor());
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + ".gather(" + i.axis() + ", " + TensorGen.describe(i.tensor()) + ")";
        }
    }

    @Override
    Gen<Case> cases() {
        return CASES;
    }

    /** out[idx] = x[idx with its {@code axis} entry replaced by index[idx]]. */
    @Override
    Ref.Expected reference(Case c) {
        int[] indexShape = c.i().indexShape();
        double[] out = new double[Ref.size(indexShape)];
        int axis = c.i().resolvedAxis();
        for (int o = 0; o < out.length; o++) {
            int[] idx = Ref.unravel(o, indexShape);
            if (idx.length > 0) {
                idx[axis] = c.i().index()[o];
            }
            out[o] = c.x().data[Ref.ravel(idx, c.x().shape)];
        }
        return new Ref.Expected(indexShape, out);
    }

    /**
     * Where gather reads: an input shape of rank 0 to 3, an axis (maybe negative), an index shape no larger than the
     * input's outside the axis (any size along it), and whole-number positions below the axis' size.
     */
    record GatherIndices(int[] shape, int axis, int[] indexShape, int[] index) {
        static final Gen<GatherIndices> CASES = shapes(0, 3).flatMap(s -> shapeOfRank(s.length)
                .zip(integers().between(-3, 2), (limits, rawAxis) -> layout(s, limits, rawAxis))
                .flatMap(g -> lists().of(integers().between(0, g.length() - 1)).ofSize(Shapes.size(g.indexShape))
                        .map(positions -> new GatherIndices(s, g.axis, g.indexShape,
                                positions.stream().mapToInt(Integer::intValue).toArray()))));

        private static GatherIndices layout(int[] s, int[] limits, int rawAxis) {
            int axis = s.length == 0 ? 0 : TensorGen.axis(rawAxis, s.length);
            int[] indexShape = limits.clone();
            for (int d = 0; d < s.length; d++) {
                if (d != Math.floorMod(axis, s.length)) {
                    indexShape[d] = Math.min(limits[d], s[d]);
                }
            }
            return new GatherIndices(s, axis, indexShape, null);
        }

        /** The axis as resolved (0 for a 0-d input). */
        int resolvedAxis() {
            return shape.length == 0 ? 0 : Math.floorMod(axis, shape.length);
        }

        /** The size of the gathered axis (1 for a 0-d input). */
        int length() {
            return shape.length == 0 ? 1 : shape[resolvedAxis()];
        }

        Tensor tensor() {
            return new Tensor(Arrays.stream(index).asDoubleStream().toArray(), indexShape, DType.FLOAT64);
        }

        @Override
        public String toString() {
            return "axis " + axis + " of " + Arrays.toString(shape) + " at " + TensorGen.describe(tensor());
        }
    }
}
