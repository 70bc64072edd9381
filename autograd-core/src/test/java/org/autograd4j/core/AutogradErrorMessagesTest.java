package org.autograd4j.core;

import static org.autograd4j.core.ErrorMessagesTest.M23;
import static org.autograd4j.core.ErrorMessagesTest.argument;
import static org.autograd4j.core.ErrorMessagesTest.leaf;
import static org.autograd4j.core.ErrorMessagesTest.state;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ErrorMessagesTest}'s rules for the autograd state: gradients, backward, graph release, grad mode and dtype
 * access. A file of its own to keep each under 400 lines.
 */
class AutogradErrorMessagesTest {
    @Test
    void backingArrayOfTheOtherType() {
        state("array: tensor of shape [2, 3] is FLOAT32; use floatArray() for its backing array, or"
                + " toDoubleArray() for a copy", () -> M23.to(DType.FLOAT32).array());
        state("floatArray: tensor of shape [2, 3] is FLOAT64; use array() for its backing array, or"
                + " toFloatArray() for a rounded copy", () -> M23.floatArray());
    }

    @Test
    void requiresGradOnANonLeaf() {
        state("requiresGrad: only leaf tensors can be changed; this one was produced by MulBackward"
                + " (use detach() to get a leaf)", () -> leaf(2).mul(2).requiresGrad(true));
    }

    @Test
    void backwardOfANonScalarWithoutGradient() {
        state("backward: output has shape [3, 4]; pass a gradient of that shape or reduce to a scalar",
                () -> leaf(3, 4).mul(2).backward());
        state("backward: output has shape [0]; pass a gradient of that shape or reduce to a scalar",
                () -> leaf(0).exp().backward());
    }

    @Test
    void backwardWithAGradientOfTheWrongShape() {
        argument("backward: gradient has shape [4, 3] but the output has shape [3, 4]",
                () -> leaf(3, 4).mul(2).backward(Tensor.ones(4, 3)));
        argument("backward: gradient has shape [1] but the output has shape []",
                () -> leaf(3).sum().backward(Tensor.ones(1)));
    }

    @Test
    @SuppressWarnings("try")
    void backwardOfSomethingThatNeedsNoGradient() {
        state("backward: the output does not require a gradient: no input of the graph had requiresGrad(true),"
                + " or it was computed under noGrad()", () -> Tensor.ones(3).sum().backward());
        Tensor x = leaf(3);
        Tensor y;
        try (var scope = Autograd.noGrad()) {
            y = x.sum();
        }
        Tensor z = y;
        state("backward: the output does not require a gradient: no input of the graph had requiresGrad(true),"
                + " or it was computed under noGrad()", z::backward);
    }

    @Test
    void backwardThroughAReleasedGraph() {
        Tensor y = leaf(3).exp().sum();
        y.backward();
        state("backward: the graph was released by an earlier backward pass (tensor produced by SumBackward);"
                + " pass retainGraph=true to the first backward to differentiate through the same graph twice",
                y::backward);
        Tensor x = leaf(3);
        Tensor h = x.exp();
        h.sum().backward();
        state("backward: the graph was released by an earlier backward pass (tensor produced by ExpBackward);"
                + " pass retainGraph=true to the first backward to differentiate through the same graph twice",
                () -> h.mul(2).sum().backward());
        state("grad: the graph was released by an earlier backward pass (tensor produced by ExpBackward);"
                + " pass retainGraph=true to the first backward to differentiate through the same graph twice",
                () -> Autograd.grad(h.sum(), List.of(x), false));
    }

    @Test
    void itemOfNotExactlyOneElement() {
        state("item: tensor of shape [2, 3] has 6 elements; item() needs exactly one", M23::item);
        state("item: tensor of shape [0] has 0 elements; item() needs exactly one", () -> Tensor.zeros(0).item());
    }

    @Test
    void setGradOfTheWrongShape() {
        argument("setGrad: gradient has shape [3] but the tensor has shape [2]",
                () -> leaf(2).setGrad(Tensor.zeros(3)));
    }

    @Test
    void autogradGradMisuse() {
        Tensor x = leaf(2);
        Tensor y = leaf(3);
        argument("grad: input 1 (shape [3]) was not used to compute the output",
                () -> Autograd.grad(x.sum(), List.of(x, y), false));
        argument("grad: input 0 (shape [2]) does not require a gradient; call requiresGrad(true) on it before"
                + " computing the output", () -> Autograd.grad(y.sum(), List.of(Tensor.ones(2)), false));
        state("grad: output has shape [2]; pass a gradient of that shape or reduce to a scalar",
                () -> Autograd.grad(x.exp(), List.of(x), false));
        argument("grad: gradient has shape [3] but the output has shape [2]",
                () -> Autograd.grad(x.exp(), List.of(x), Tensor.ones(3), false, false));
        argument("grad: input 0 is null", () -> Autograd.grad(x.sum(), java.util.Arrays.asList((Tensor) null),
                false));
        argument("grad: output and inputs must not be null", () -> Autograd.grad(null, List.of(x), false));
    }

    @Test
    void gradCheckMisuse() {
        argument("gradcheck: no input requires a gradient; mark the inputs to check with requiresGrad(true)",
                () -> GradCheck.check(in -> in.get(0).sum(), List.of(Tensor.ones(2))));
        argument("gradcheck: needs eps > 0, atol >= 0, rtol >= 0, got eps=0.0, atol=1.0E-5, rtol=0.001",
                () -> GradCheck.check(in -> in.get(0).sum(), List.of(leaf(2)), 0.0, 1e-5, 1e-3));
    }
}
