package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * INT64 indices (see {@link DType}, "INT64 note") give exactly what the same positions as whole numbers in a FLOAT64
 * tensor give, the form the indexing ops took before INT64 existed: the values, the first-order gradients and the
 * second-order ones (through {@code createGraph}), bit for bit, over {@link GatherProperties}' random cases (ranks 0
 * to 3, any axis, repeated positions).
 */
class Int64IndexProperties {

    @Test
    void gatherWithInt64IndicesEqualsGatherWithFloatIndices() {
        qt().withExamples(60).forAll(GatherProperties.CASES).checkAssert(c -> {
            Tensor asLongs = c.i().tensor().to(DType.INT64);
            assertEquals(DType.INT64, asLongs.dtype());
            assertSame(t -> t.gather(c.i().axis(), asLongs), t -> t.gather(c.i().axis(), c.i().tensor()), c.x());
        });
    }

    @Test
    void indexSelectWithInt64IndicesEqualsTheOtherForms() {
        qt().withExamples(60).forAll(new IndexSelectProperties().cases()).checkAssert(c -> {
            Tensor asLongs = Tensor.of(c.indices());
            Tensor asDoubles = asLongs.to(DType.FLOAT64);
            assertSame(t -> t.indexSelect(c.axis(), asLongs), t -> t.indexSelect(c.axis(), asDoubles), c.x());
            assertSame(t -> t.indexSelect(c.axis(), asLongs), t -> t.indexSelect(c.axis(), c.indices()), c.x());
        });
    }

    @Test
    void scatterAddWithInt64IndexEqualsScatterAddWithFloatIndex() {
        qt().withExamples(40).forAll(GatherProperties.CASES).checkAssert(c -> {
            Tensor index = c.i().tensor();
            Tensor src = Tensor.ones(index.shape()).mul(0.5);
            Tensor base = c.x();
            assertSame(t -> base.scatterAdd(c.i().axis(), index.to(DType.INT64), t),
                    t -> base.scatterAdd(c.i().axis(), index, t), src);
        });
    }

    /** Same values, gradients and second-order gradients from {@code f} and {@code g} at {@code x}, exactly. */
    private static void assertSame(Function<Tensor, Tensor> f, Function<Tensor, Tensor> g, Tensor x) {
        double[] weights = Tensor.randn(new java.util.Random(3), f.apply(x).shape()).toDoubleArray();
        Result a = run(f, x, weights);
        Result b = run(g, x, weights);
        assertArrayEquals(b.value, a.value);
        assertArrayEquals(b.shape, a.shape);
        assertArrayEquals(b.grad, a.grad);
        assertArrayEquals(b.second, a.second);
    }

    private record Result(long[] shape, double[] value, double[] grad, double[] second) {
    }

    private static Result run(Function<Tensor, Tensor> f, Tensor x, double[] weights) {
        Tensor leaf = new Tensor(x.toDoubleArray(), x.shape.clone(), DType.FLOAT64).requiresGrad(true);
        Tensor out = f.apply(leaf);
        Tensor loss = out.mul(new Tensor(weights, out.shape.clone(), DType.FLOAT64)).sum();
        Tensor grad = Autograd.grad(loss, List.of(leaf), null, true, true, true).get(0);
        // a second order through the gradient's own graph: d/dx sum(grad^2 * x), which differentiates ScatterAdd too
        Tensor second = Autograd.grad(grad.square().mul(leaf).sum(), List.of(leaf), null, false, false, true).get(0);
        return new Result(out.shape(), out.toDoubleArray(), grad.toDoubleArray(), second.toDoubleArray());
    }
}
