package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.pairs;
import static org.autograd4j.core.TensorGen.signed;
import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link MultiOutputFunction}: user-defined functions with several outputs agree with central differences, first and
 * second order, whichever outputs the loss uses; gradients of the broadcast shape are summed back to the inputs'.
 */
class MultiOutputFunctionProperties {
    private static final Gen<Tensor> INPUTS = tensors(uniform(-2, 2));
    private static final Gen<TensorGen.Inputs> PAIRS = pairs(uniform(-2, 2), signed(0.2, 2));

    /** {@code (sin x, cos x)}, saving its input: {@code d = g0 cos x - g1 sin x}. */
    static final class SinCos extends MultiOutputFunction {
        @Override
        protected Tensor[] forward(Function.Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return new Tensor[] {in[0].sin(), in[0].cos()};
        }

        @Override
        protected Tensor[] backward(Function.Context ctx, Tensor... gradOuts) {
            Tensor x = ctx.savedTensors().get(0);
            return new Tensor[] {gradOuts[0].mul(x.cos()).sub(gradOuts[1].mul(x.sin()))};
        }
    }

    /**
     * {@code (x + y, x * y)} over broadcast shapes; the backward returns gradients of the output's (broadcast) shape
     * and leaves the summing back to the walk, as PyTorch allows: {@code (g0 + g1 y, g0 + g1 x)}.
     */
    static final class SumProduct extends MultiOutputFunction {
        @Override
        protected Tensor[] forward(Function.Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            return new Tensor[] {in[0].add(in[1]), in[0].mul(in[1])};
        }

        @Override
        protected Tensor[] backward(Function.Context ctx, Tensor... gradOuts) {
            Tensor x = ctx.savedTensors().get(0);
            Tensor y = ctx.savedTensors().get(1);
            return new Tensor[] {
                ctx.needsInputGrad(0) ? gradOuts[0].add(gradOuts[1].mul(y)) : null,
                ctx.needsInputGrad(1) ? gradOuts[0].add(gradOuts[1].mul(x)) : null};
        }
    }

    /** {@code (exp x, x²)}, saving its first output as built-in exp does: {@code d = g0 exp(x) + 2 g1 x}. */
    static final class ExpSquare extends MultiOutputFunction {
        @Override
        protected Tensor[] forward(Function.Context ctx, Tensor... in) {
            Tensor e = in[0].exp();
            ctx.saveForBackward(in[0], e);
            return new Tensor[] {e, in[0].square()};
        }

        @Override
        protected Tensor[] backward(Function.Context ctx, Tensor... gradOuts) {
            Tensor x = ctx.savedTensors().get(0);
            Tensor e = ctx.savedTensors().get(1);
            return new Tensor[] {gradOuts[0].mul(e).add(gradOuts[1].mul(x).mul(2))};
        }
    }

    private static final SinCos SIN_COS = new SinCos();
    private static final SumProduct SUM_PRODUCT = new SumProduct();
    private static final ExpSquare EXP_SQUARE = new ExpSquare();

    /** Both outputs in one value, so each output's gradient takes part. */
    private static Tensor both(List<Tensor> outs) {
        return outs.get(0).mul(outs.get(1).add(3));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(25).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(in -> both(SIN_COS.apply(in.get(0))),
                x));
        qt().withExamples(25).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheck(
                in -> both(SUM_PRODUCT.apply(in.get(0), in.get(1))), p.get(0), p.get(1)));
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(
                in -> both(EXP_SQUARE.apply(in.get(0))), x));
    }

    @Test
    void gradientOfOneOutputAloneMatchesCentralDifferences() {
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(in -> SIN_COS.apply(in.get(0)).get(1),
                x));
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheck(
                in -> SUM_PRODUCT.apply(in.get(0), in.get(1)).get(1), p.get(0), p.get(1)));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(
                in -> both(SIN_COS.apply(in.get(0))), x));
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheckSecondOrder(
                in -> both(SUM_PRODUCT.apply(in.get(0), in.get(1))), p.get(0), p.get(1)));
        qt().withExamples(15).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(
                in -> both(EXP_SQUARE.apply(in.get(0))), x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.gradHasInputShape(
                in -> both(SUM_PRODUCT.apply(in.get(0), in.get(1))), p.get(0), p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> {
            List<Tensor> sc = SIN_COS.apply(x);
            OpChecks.assertMatches(Ref.map(x, Math::sin), sc.get(0));
            OpChecks.assertMatches(Ref.map(x, Math::cos), sc.get(1));
        });
    }
}
