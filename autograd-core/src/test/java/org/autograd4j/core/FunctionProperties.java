package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.signed;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link Function}: user-defined functions whose backward is written with Tensor ops agree with central differences,
 * first and second order, as built-in ops do; and their forward is the user's.
 */
class FunctionProperties {
    private static final Gen<Tensor> INPUTS = tensors(signed(0.01, 2));
    private static final Gen<TensorGen.Inputs> SAME_SHAPE_PAIRS = shapes(0, 3).flatMap(
            s -> tensorOf(s, uniform(-2, 2)).zip(tensorOf(s, uniform(-2, 2)), TensorGen.Inputs::of));

    /** {@code x³}, saving its input: {@code d/dx = 3x²}. */
    static final class Cube extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return in[0].mul(in[0]).mul(in[0]);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOut) {
            Tensor x = ctx.savedTensors().get(0);
            return new Tensor[] {gradOut.mul(x.square()).mul(3)};
        }
    }

    /** {@code x * sin(y)}, with a non-tensor value in the context: {@code (sin(y), x cos(y))}. */
    static final class MulSin extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            ctx.put("scale", 1.0);
            return in[0].mul(in[1].sin());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOut) {
            Tensor x = ctx.savedTensors().get(0);
            Tensor y = ctx.savedTensors().get(1);
            double scale = ctx.get("scale", Double.class);
            return new Tensor[] {
                ctx.needsInputGrad(0) ? gradOut.mul(y.sin()).mul(scale) : null,
                ctx.needsInputGrad(1) ? gradOut.mul(x).mul(y.cos()) : null};
        }
    }

    /** {@code exp(x)}, saving its output, as built-in exp does. */
    static final class SavedExp extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor out = in[0].exp();
            ctx.saveForBackward(out);
            return out;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOut) {
            return new Tensor[] {gradOut.mul(ctx.savedTensors().get(0))};
        }
    }

    private static final Cube CUBE = new Cube();
    private static final MulSin MUL_SIN = new MulSin();
    private static final SavedExp EXP = new SavedExp();

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(30).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(in -> CUBE.apply(in.get(0)), x));
        qt().withExamples(30).forAll(SAME_SHAPE_PAIRS).checkAssert(p -> OpChecks.gradcheck(
                in -> MUL_SIN.apply(in.get(0), in.get(1)), p.get(0), p.get(1)));
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(
                in -> EXP.apply(in.get(0).mul(0.5)), x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(
                in -> CUBE.apply(in.get(0)).square(), x));
        qt().withExamples(20).forAll(SAME_SHAPE_PAIRS).checkAssert(p -> OpChecks.gradcheckSecondOrder(
                in -> MUL_SIN.apply(in.get(0), in.get(1)), p.get(0), p.get(1)));
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(
                in -> EXP.apply(in.get(0).mul(0.5)), x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(20).forAll(SAME_SHAPE_PAIRS).checkAssert(p -> OpChecks.gradHasInputShape(
                in -> MUL_SIN.apply(in.get(0), in.get(1)), p.get(0), p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(30).forAll(INPUTS).checkAssert(x -> OpChecks.assertMatches(
                Ref.map(x, v -> v * v * v), CUBE.apply(x)));
    }
}
