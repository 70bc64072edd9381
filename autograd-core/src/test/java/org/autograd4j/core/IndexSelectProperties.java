package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@code indexSelect}, a composite ({@link Gather} of whole slices): any axis, repeated and reordered indices. */
class IndexSelectProperties extends OneInputOpProperties<IndexSelectProperties.Select> {
    record Select(Tensor x, int axis, long[] indices) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return t.indexSelect(axis, indices);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + ".indexSelect(" + axis + ", " + java.util.Arrays.toString(indices) + ")";
        }
    }

    @Override
    Gen<Select> cases() {
        return TensorGen.tensors(1, 3, TensorGen.uniform(-2, 2)).zip(integers().between(-3, 2),
                lists().of(integers().between(0, 99)).ofSizeBetween(1, 5), (x, a, raw) -> {
                    int axis = TensorGen.axis(a, x.rank());
                    int n = x.shape[Math.floorMod(axis, x.rank())];
                    return new Select(x, axis, raw.stream().mapToLong(v -> v % n).toArray());
                });
    }

    @Override
    Ref.Expected reference(Select c) {
        Tensor x = c.x();
        int a = Math.floorMod(c.axis(), x.rank());
        int[] shape = Shapes.with(x.shape, a, c.indices().length);
        double[] out = new double[Ref.size(shape)];
        for (int i = 0; i < out.length; i++) {
            int[] idx = Ref.unravel(i, shape);
            idx[a] = (int) c.indices()[idx[a]];
            out[i] = x.at(Ref.ravel(idx, x.shape));
        }
        return new Ref.Expected(shape, out);
    }

    @Test
    void tensorIndicesAndErrors() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(x.indexSelect(1, new long[] {2, 0}).toString(),
                x.indexSelect(1, Tensor.of(new double[] {2, 0})).toString());
        ErrorMessagesTest.argument("indexSelect: index 3 at position 1 is out of range [0, 3) for axis -1 of shape"
                + " [2, 3]", () -> x.indexSelect(-1, new long[] {0, 3}));
        ErrorMessagesTest.argument("indexSelect: axis 2 is out of range for a tensor of rank 2",
                () -> x.indexSelect(2, new long[] {0}));
        ErrorMessagesTest.argument("indexSelect: indices must be a 1-D tensor, got shape [1, 1]",
                () -> x.indexSelect(0, Tensor.zeros(1, 1)));
        ErrorMessagesTest.argument("indexSelect: index 0.5 at position 0 is not a whole number",
                () -> x.indexSelect(0, Tensor.of(new double[] {0.5})));
    }

    @Test
    void float32MatchesFloat64() {
        org.quicktheories.QuickTheory.qt().withExamples(20).forAll(cases()).checkAssert(c ->
                OpChecks.assertFloat32MatchesFloat64((List<Tensor> in) -> c.apply(in.get(0)), c.x()));
    }
}
