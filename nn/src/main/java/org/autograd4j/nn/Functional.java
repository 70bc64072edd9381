package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.core.DType;
import org.autograd4j.core.GradCheck;
import org.autograd4j.core.Tensor;

/**
 * A module as a function of its parameters, as PyTorch's {@code torch.func.functional_call}: the module's forward
 * pass run with given tensors in place of some of its parameters or buffers. The tensors may be recorded results (a
 * meta-learning inner step, weights produced by another network) as well as leaves, and gradients flow to them.
 * {@link #gradCheck} uses it to check the gradients of any model against {@link GradCheck}'s central differences.
 *
 * <pre>{@code
 * Map<String, Tensor> fast = new LinkedHashMap<>();
 * model.namedParameters().forEach((k, p) -> fast.put(k, p.sub(grads.get(k).mul(0.1))));   // one inner SGD step
 * Tensor loss = Losses.mse(Functional.call(model, fast, x), y);                             // depends on the originals
 * }</pre>
 *
 * <p>The module is called as PyTorch's {@code functional_call} calls it, {@code module(x)}: through
 * {@link Module#apply}, so its hooks (and those of the sub-modules it calls that way) run. Hooks take one input, so a
 * call with several inputs runs {@link Module#forward(Tensor...)} without the module's own hooks.
 *
 * <p>The swap is not thread-safe: while a call runs, the module holds the given tensors. They are restored when the
 * forward pass returns or throws.
 */
public final class Functional {
    private Functional() {
    }

    /**
     * Calls the module ({@code module.apply(input)}, with its hooks; {@code module.forward(inputs)} for several
     * inputs) with {@code parameters} (by dotted path, e.g. {@code 0.weight}; parameters or
     * buffers, any subset) in place of the module's own, then restores them.
     *
     * @param module the module to run; its own parameters are restored afterwards, even on an exception
     * @param parameters replacements, each of the shape of the tensor it replaces
     * @param inputs     the forward pass's inputs (one for most modules; see {@link Module#forward(Tensor...)})
     * @return the output, recorded against the given tensors
     * @throws IllegalArgumentException if a name is unknown or a shape differs (nothing is swapped then)
     */
    public static Tensor call(Module module, Map<String, Tensor> parameters, Tensor... inputs) {
        if (module == null || parameters == null) {
            throw new IllegalArgumentException("Functional.call: module and parameters must not be null");
        }
        Map<String, Tensor> previous = swap(module, parameters);
        try {
            return inputs != null && inputs.length == 1 ? module.apply(inputs[0]) : module.forward(inputs);
        } finally {
            swap(module, previous);
        }
    }

    /**
     * Checks the gradients of {@code module} with respect to all its trainable parameters and to the inputs that
     * require a gradient, against central differences ({@link GradCheck}, in float64, with its default tolerances), at
     * the current parameter values. The module's mode is used as it is: put a module with dropout in evaluation mode.
     *
     * @param module the module whose gradients are checked, in its current mode
     * @param inputs the forward pass's inputs; those that require a gradient are checked too
     * @return the check's result (call {@link GradCheck.Result#orThrow()} in a test)
     */
    public static GradCheck.Result gradCheck(Module module, Tensor... inputs) {
        if (module == null || inputs == null) {
            throw new IllegalArgumentException("Functional.gradCheck: module and inputs must not be null");
        }
        List<String> names = new ArrayList<>();
        List<Tensor> points = new ArrayList<>();
        module.namedParameters().forEach((name, p) -> {
            if (p.requiresGrad()) {
                names.add(name);
                points.add(p.detach().to(DType.FLOAT64).requiresGrad(true));
            }
        });
        int k = names.size();
        for (Tensor x : inputs) {
            points.add(x);
        }
        return GradCheck.check(in -> {
            Map<String, Tensor> values = new LinkedHashMap<>();
            for (int i = 0; i < k; i++) {
                values.put(names.get(i), in.get(i));
            }
            return call(module, values, in.subList(k, in.size()).toArray(new Tensor[0]));
        }, points);
    }

    /**
     * Puts {@code values} (by dotted path: parameters or buffers, any tensor, recorded or not) in place of the current
     * tensors and returns those, for {@link #call} to restore. Checks every name and shape first.
     */
    private static Map<String, Tensor> swap(Module module, Map<String, Tensor> values) {
        Map<String, Tensor> own = module.registered.namedState();
        for (Map.Entry<String, Tensor> e : values.entrySet()) {
            Tensor old = own.get(e.getKey());
            if (old == null) {
                throw new IllegalArgumentException("Functional.call: " + module.getClass().getSimpleName()
                        + " has no parameter or buffer '" + e.getKey() + "'; it has " + own.keySet());
            }
            if (e.getValue() == null || !Arrays.equals(old.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("Functional.call: '" + e.getKey() + "' has shape "
                        + Arrays.toString(old.shape()) + " in the model, got "
                        + (e.getValue() == null ? "null" : Arrays.toString(e.getValue().shape())));
            }
        }
        Map<String, Tensor> previous = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : values.entrySet()) {
            previous.put(e.getKey(), module.registered.put(e.getKey(), e.getValue()));
        }
        return previous;
    }
}
