package org.autograd4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The gradient hooks of one tensor ({@link Tensor#registerHook}): run in registration order by the backward walk when
 * the tensor's gradient is complete (summed over all its uses), before it reaches a leaf's {@code grad()} or the op
 * that produced the tensor, as PyTorch's tensor hooks. Each hook sees the previous one's result.
 */
final class GradHooks {
    private final List<UnaryOperator<Tensor>> hooks = new ArrayList<>();

    HookHandle add(UnaryOperator<Tensor> hook) {
        hooks.add(hook);
        return new HookHandle(() -> hooks.removeIf(h -> h == hook));
    }

    boolean isEmpty() {
        return hooks.isEmpty();
    }

    /** The gradient after every hook; a hook returning null leaves it as it was. */
    Tensor run(Tensor t, Tensor g) {
        for (UnaryOperator<Tensor> hook : List.copyOf(hooks)) {
            Tensor replaced = hook.apply(g);
            if (replaced == null) {
                continue;
            }
            if (!java.util.Arrays.equals(replaced.shape, t.shape)) {
                throw new IllegalStateException("registerHook: a hook returned a gradient of shape "
                        + Shapes.str(replaced.shape) + " for a tensor of shape " + Shapes.str(t.shape));
            }
            g = replaced.dtype == t.dtype ? replaced : replaced.to(t.dtype);
        }
        return g;
    }
}
