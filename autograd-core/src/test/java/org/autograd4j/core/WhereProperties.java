package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.triples;
import static org.autograd4j.core.TensorGen.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Where}: {@code where(mask, x, y)}, all three broadcasting; any non-zero mask value selects x. */
class WhereProperties {
    /** (mask, x, y); the mask is a constant of the function, never differentiated. */
    private static final Gen<TensorGen.Inputs> TRIPLES = triples(arbitrary().pick(0.0, 1.0, -2.0, 0.5),
            uniform(-2, 2), uniform(-2, 2));

    private static Function<List<Tensor>, Tensor> op(Tensor mask) {
        return in -> Tensor.where(mask, in.get(0), in.get(1));
    }

    private static Ref.Expected reference(Tensor mask, Tensor x, Tensor y) {
        int[] shape = Ref.broadcastShape(mask.shape, x.shape, y.shape);
        double[] out = new double[Ref.size(shape)];
        for (int i = 0; i < out.length; i++) {
            int[] idx = Ref.unravel(i, shape);
            out[i] = Ref.at(mask, idx) != 0 ? Ref.at(x, idx) : Ref.at(y, idx);
        }
        return new Ref.Expected(shape, out);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(TRIPLES).checkAssert(t -> OpChecks.gradcheck(op(t.get(0)), t.get(1), t.get(2)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(TRIPLES).checkAssert(t -> OpChecks.gradHasInputShape(op(t.get(0)), t.get(1),
                t.get(2)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(TRIPLES).checkAssert(t -> {
            OpChecks.assertMatches(reference(t.get(0), t.get(1), t.get(2)), Tensor.where(t.get(0), t.get(1), t.get(2)));
            OpChecks.assertMatches(reference(t.get(0), t.get(1), t.get(2)), t.get(1).where(t.get(0), t.get(2)));
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(TRIPLES).checkAssert(t -> OpChecks.gradcheckSecondOrder(
                in -> op(t.get(0)).apply(in).square(), t.get(1), t.get(2)));
    }

    @Test
    void float32Promotes() {
        qt().withExamples(40).forAll(TRIPLES).checkAssert(t -> {
            Tensor x32 = OpChecks.float32(t.get(1));
            assertEquals(OpChecks.pyTorchType(x32, t.get(2)), Tensor.where(t.get(0), x32, t.get(2)).dtype());
            assertEquals(DType.FLOAT32, Tensor.where(t.get(0), x32, OpChecks.float32(t.get(2))).dtype());
        });
    }
}
