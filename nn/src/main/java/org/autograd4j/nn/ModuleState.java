package org.autograd4j.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * What one {@link Module} registered by name: its parameters, buffers and sub-modules, each in registration order,
 * with the checks and walks over them that Module's methods share (names, lookups, dotted paths depth first, dtype
 * conversion, replacement at a path). Messages name the owning module's class.
 */
final class ModuleState {
    final Map<String, Tensor> parameters = new LinkedHashMap<>();
    final Map<String, Tensor> buffers = new LinkedHashMap<>();
    final Map<String, Module> children = new LinkedHashMap<>();
    private final Module owner;

    ModuleState(Module owner) {
        this.owner = owner;
    }

    private String who() {
        return owner.getClass().getSimpleName();
    }

    /** Throws unless {@code name} is non-empty, has no dot, and names no parameter, buffer or sub-module yet. */
    void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(who() + ": invalid name '" + name + "' (non-empty, no dots)");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(who() + ": name '" + name + "' already used");
        }
    }

    /** Throws unless {@code value} is a leaf (not null), as a {@code kind} (parameter, buffer) must be. */
    void checkLeaf(String kind, String name, Tensor value) {
        if (value == null || !value.isLeaf()) {
            throw new IllegalArgumentException(who() + ": " + kind + " '" + name + "' must be a leaf tensor (use"
                    + " detach())");
        }
    }

    /** The tensor registered in {@code map} as {@code name}; throws naming the {@code kind} when there is none. */
    Tensor get(Map<String, Tensor> map, String kind, String name) {
        Tensor t = map.get(name);
        if (t == null) {
            throw new IllegalArgumentException(who() + ": no " + kind + " named '" + name + "'");
        }
        return t;
    }

    /** Replaces buffer {@code name} with {@code value}, a leaf of the old one's shape and dtype (else throws). */
    void setBuffer(String name, Tensor value) {
        Tensor old = get(buffers, "buffer", name);
        if (value == null || !value.isLeaf() || !Arrays.equals(old.shape(), value.shape())
                || old.dtype() != value.dtype()) {
            throw new IllegalArgumentException(who() + ": buffer '" + name + "' is "
                    + Arrays.toString(old.shape()) + " " + old.dtype() + "; got " + (value == null ? "null"
                    : Arrays.toString(value.shape()) + " " + value.dtype() + (value.isLeaf() ? "" : " (not a leaf)")));
        }
        buffers.put(name, value.requiresGrad(false));
    }

    /**
     * Adds to {@code out}, under {@code prefix} and dotted paths, this module's parameters (when {@code params}) then
     * its buffers (when {@code bufs}), then each sub-module's the same way: depth first, PyTorch's order.
     */
    void collect(String prefix, Map<String, Tensor> out, boolean params, boolean bufs) {
        if (params) {
            parameters.forEach((k, v) -> out.put(prefix + k, v));
        }
        if (bufs) {
            buffers.forEach((k, v) -> out.put(prefix + k, v));
        }
        for (Map.Entry<String, Module> e : children.entrySet()) {
            e.getValue().registered.collect(prefix + e.getKey() + ".", out, params, bufs);
        }
    }

    /** Parameters and buffers by dotted path, each module's parameters then its buffers, depth first. */
    Map<String, Tensor> namedState() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true, true);
        return out;
    }

    /**
     * {@link Module#to(DType)}'s walk: every floating parameter and buffer not of {@code dtype} becomes a new leaf of
     * {@code dtype} (a parameter keeps its {@code requiresGrad}; INT64 buffers stay), here and in every sub-module.
     */
    void to(DType dtype) {
        for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
            Tensor p = e.getValue();
            if (p.dtype() != dtype) {
                e.setValue(p.detach().to(dtype).requiresGrad(p.requiresGrad()));
            }
        }
        for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
            if (e.getValue().dtype() != dtype && e.getValue().dtype().isFloatingPoint()) {
                e.setValue(e.getValue().detach().to(dtype));
            }
        }
        for (Module m : children.values()) {
            m.to(dtype);
        }
    }

    /**
     * Replaces the parameter or buffer at a dotted path (e.g. {@code layers.0.weight}) with {@code value}, as a new
     * leaf (a parameter requiring a gradient, a buffer not).
     */
    void replaceAt(String path, Tensor value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            if (buffers.containsKey(path)) {
                buffers.put(path, value.requiresGrad(false));
            } else {
                get(parameters, "parameter", path);
                parameters.put(path, value.requiresGrad(true));
            }
            return;
        }
        Module child = children.get(path.substring(0, dot));
        if (child == null) {
            throw new IllegalArgumentException(who() + ": no sub-module for '" + path + "'");
        }
        child.registered.replaceAt(path.substring(dot + 1), value);
    }

    /** Sets the tensor at a dotted path as it is (no leaf or grad change) and returns the one it replaces. */
    Tensor put(String path, Tensor value) {
        int dot = path.indexOf('.');
        if (dot >= 0) {
            return children.get(path.substring(0, dot)).registered.put(path.substring(dot + 1), value);
        }
        return parameters.containsKey(path) ? parameters.put(path, value) : buffers.put(path, value);
    }
}
