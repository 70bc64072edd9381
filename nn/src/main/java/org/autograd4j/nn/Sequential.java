package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * Layers applied one after another: {@code forward(x) = layer[n-1](...layer[1](layer[0](x)))}. The layers are
 * registered as children named {@code "0"}, {@code "1"}, ..., so a Sequential registered as {@code layers} has
 * parameters named {@code layers.0.weight}, {@code layers.0.bias}, ... as in PyTorch. An empty Sequential is the
 * identity.
 *
 * <pre>{@code
 * Module net = new Sequential(new Linear(4, 8, Activation.TANH, rng), new Tanh(),
 *         new Linear(8, 1, Activation.NONE, rng));
 * net.namedParameters().keySet();   // [0.weight, 0.bias, 2.weight, 2.bias]
 * }</pre>
 */
public final class Sequential extends Module {
    private final List<Module> layers;

    /**
     * The given layers, in order.
     *
     * @param layers the layers, applied in this order
     * @throws IllegalArgumentException if a layer is null
     */
    public Sequential(Module... layers) {
        this(List.of(checkNotNull(layers)));
    }

    /**
     * The given layers, in order.
     *
     * @param layers the layers, applied in this order
     * @throws IllegalArgumentException if a layer is null
     */
    public Sequential(List<? extends Module> layers) {
        List<Module> copy = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Module m = layers.get(i);
            if (m == null) {
                throw new IllegalArgumentException("Sequential: layer " + i + " is null");
            }
            copy.add(registerModule(Integer.toString(i), m));
        }
        this.layers = Collections.unmodifiableList(copy);
    }

    private static Module[] checkNotNull(Module[] layers) {
        if (layers == null) {
            throw new IllegalArgumentException("Sequential: layers must not be null");
        }
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == null) {
                throw new IllegalArgumentException("Sequential: layer " + i + " is null");
            }
        }
        return layers;
    }

    /**
     * The layers, in order (unmodifiable).
     *
     * @return an unmodifiable view of the layers
     */
    public List<Module> layers() {
        return layers;
    }

    /**
     * The number of layers.
     *
     * @return the number of layers, at least 0
     */
    public int size() {
        return layers.size();
    }

    /**
     * The layer at {@code index}.
     *
     * @param index the position, from 0
     * @return that layer
     * @throws IllegalArgumentException if {@code index} is not in {@code [0, size())}
     */
    public Module get(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new IllegalArgumentException("Sequential: index " + index + " is out of range [0, "
                    + layers.size() + ")");
        }
        return layers.get(index);
    }

    /**
     * Applies the layers in order; each checks its own input.
     *
     * @param x what the first layer takes, e.g. {@code [batch, in]}
     * @return what the last layer returns
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("Sequential", x);
        Tensor y = x;
        for (Module m : layers) {
            y = m.apply(y);
        }
        return y;
    }

    /**
     * {@code Sequential{}} with each layer's description as child {@code "0"}, {@code "1"}, ...
     *
     * @throws IllegalArgumentException if a layer cannot be described
     */
    @Override
    public ModuleSpec describe() {
        Map<String, ModuleSpec> children = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            children.put(Integer.toString(i), layers.get(i).describe());
        }
        return new ModuleSpec("Sequential", Map.of(), children);
    }
}
