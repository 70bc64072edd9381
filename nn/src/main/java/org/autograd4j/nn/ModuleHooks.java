package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.core.Function;
import org.autograd4j.core.HookHandle;
import org.autograd4j.core.Tensor;

/**
 * The hooks of one module, as PyTorch's module hooks: they run when the module is called through
 * {@link Module#apply} (PyTorch's {@code module(x)}; {@link Sequential}, {@link Mlp} and the trainer call their modules
 * that way), never when {@link Module#forward} is called directly, as in PyTorch. Each registration returns a
 * {@link HookHandle} whose {@code remove()} takes the hook out.
 *
 * <ul>
 *   <li>forward pre-hooks run before {@code forward} and may replace its input;</li>
 *   <li>forward hooks run after it and may replace its output;</li>
 *   <li>full backward hooks run during backward once the gradient of the module's input is known, with that gradient
 *       and the output's, and may replace the input's gradient (PyTorch's {@code register_full_backward_hook}). They
 *       are recorded as two identity steps around the forward ({@code HookIdentityBackward} in the graph). When the
 *       input needs no gradient (a first layer fed with data), the hook runs with a null input gradient as soon as the
 *       output's gradient is known.</li>
 * </ul>
 *
 * <pre>{@code
 * HookHandle h = layer.registerForwardHook((module, input, output) -> {
 *     System.out.println(module.getClass().getSimpleName() + " -> " + Arrays.toString(output.shape()));
 *     return null;                                       // keep the output
 * });
 * h.remove();
 * }</pre>
 *
 * <p>The hooks are one module's and single-input (as {@link Module#apply}); hooks run in registration order, each
 * seeing the previous one's result.
 */
public final class ModuleHooks {
    /** Runs before forward. */
    @FunctionalInterface
    public interface ForwardPreHook {
        /**
         * Sees (or replaces) the input.
         *
         * @param module the module being called
         * @param input  its input
         * @return a replacement input, or null to keep it
         */
        Tensor apply(Module module, Tensor input);
    }

    /** Runs after forward. */
    @FunctionalInterface
    public interface ForwardHook {
        /**
         * Sees (or replaces) the output.
         *
         * @param module the module being called
         * @param input  its input (after the pre-hooks)
         * @param output its output
         * @return a replacement output, or null to keep it
         */
        Tensor apply(Module module, Tensor input, Tensor output);
    }

    /** Runs during backward, with the gradients of the module's input and output. */
    @FunctionalInterface
    public interface BackwardHook {
        /**
         * Sees (or replaces) the input's gradient.
         *
         * @param module     the module
         * @param gradInput  the gradient of its input, or null when the input needs none
         * @param gradOutput the gradient of its output
         * @return a replacement input gradient (of the input's shape), or null to keep it
         */
        Tensor apply(Module module, Tensor gradInput, Tensor gradOutput);
    }

    final List<ForwardPreHook> pre = new ArrayList<>();
    final List<ForwardHook> post = new ArrayList<>();
    final List<BackwardHook> backward = new ArrayList<>();

    ModuleHooks() {
    }

    <H> HookHandle add(List<H> list, H hook) {
        if (hook == null) {
            throw new IllegalArgumentException("register hook: the hook must not be null");
        }
        list.add(hook);
        return new HookHandle(() -> list.removeIf(h -> h == hook));
    }

    /** Calls {@code module.forward(x)} with the hooks around it. */
    Tensor call(Module module, Tensor x) {
        if (pre.isEmpty() && post.isEmpty() && backward.isEmpty()) {
            return module.forward(x);
        }
        for (ForwardPreHook h : List.copyOf(pre)) {
            Tensor replaced = h.apply(module, x);
            x = replaced == null ? x : replaced;
        }
        Tensor in = x;
        Captured captured = null;
        if (!backward.isEmpty()) {
            captured = new Captured(module, List.copyOf(backward), x.requiresGrad());
            if (x.requiresGrad()) {
                in = new HookIdentity(captured, true).apply(x);
            }
        }
        Tensor out = module.forward(in);
        if (captured != null && out.requiresGrad()) {
            out = new HookIdentity(captured, false).apply(out);
        }
        for (ForwardHook h : List.copyOf(post)) {
            Tensor replaced = h.apply(module, in, out);
            out = replaced == null ? out : replaced;
        }
        return out;
    }

    /** What one call's backward hooks share: the output's gradient, seen first. */
    private static final class Captured {
        final Module module;
        final List<BackwardHook> hooks;
        final boolean inputNeedsGrad;
        Tensor gradOutput;

        Captured(Module module, List<BackwardHook> hooks, boolean inputNeedsGrad) {
            this.module = module;
            this.hooks = hooks;
            this.inputNeedsGrad = inputNeedsGrad;
        }

        Tensor run(Tensor gradInput) {
            for (BackwardHook h : hooks) {
                Tensor replaced = h.apply(module, gradInput, gradOutput);
                if (replaced != null && gradInput != null
                        && !java.util.Arrays.equals(replaced.shape(), gradInput.shape())) {
                    throw new IllegalStateException(module.getClass().getSimpleName() + ": a backward hook returned"
                            + " a gradient of shape " + java.util.Arrays.toString(replaced.shape())
                            + " for an input of shape " + java.util.Arrays.toString(gradInput.shape()));
                }
                gradInput = replaced == null ? gradInput : replaced;
            }
            return gradInput;
        }
    }

    /**
     * The identity, recorded: around the output it captures the output's gradient; around the input it runs the hooks.
     */
    private static final class HookIdentity extends Function {
        private final Captured captured;
        private final boolean onInput;

        HookIdentity(Captured captured, boolean onInput) {
            this.captured = captured;
            this.onInput = onInput;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... inputs) {
            return inputs[0];
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOut) {
            if (onInput) {
                return new Tensor[] {captured.run(gradOut)};
            }
            captured.gradOutput = gradOut;
            if (!captured.inputNeedsGrad) {
                captured.run(null);
            }
            return new Tensor[] {gradOut};
        }
    }
}
