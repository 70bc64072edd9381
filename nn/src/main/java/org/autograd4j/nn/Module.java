package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.core.DType;
import org.autograd4j.core.HookHandle;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.io.ModelIO;

/**
 * A building block of a network: it computes {@link #forward}, owns parameters and sub-modules (registered explicitly,
 * never found by reflection), and has a training and an evaluation mode.
 *
 * <pre>{@code
 * class TwoLayer extends Module {
 *     private final Linear hidden = registerModule("hidden", new Linear(4, 8));
 *     private final Linear out = registerModule("out", new Linear(8, 2));
 *     public Tensor forward(Tensor x) { return out.forward(hidden.forward(x).relu()); }
 * }
 * }</pre>
 *
 * <p>What it registered, and the walks over it, live in {@code ModuleState}; the state-dict copy, hooks and registry
 * in their own classes.
 */
public abstract class Module {
    /** The parameters, buffers and sub-modules registered, by name. */
    final ModuleState registered = new ModuleState(this);
    private boolean training = true;
    private final ModuleHooks hooks = new ModuleHooks();

    /**
     * Computes this module's output.
     *
     * @param x a batch, shape {@code [batch, ...]}
     * @return the output batch, with the same leading {@code batch} axis
     */
    public abstract Tensor forward(Tensor x);

    /**
     * Registers a parameter under {@code name} (marking it as requiring a gradient) and returns it.
     *
     * @param name the parameter's name within this module: not empty, no dot
     * @param parameter a leaf tensor, the initial value
     * @return {@code parameter}, now requiring a gradient
     * @throws IllegalArgumentException if the name is empty, contains a dot, or is taken
     */
    protected final Tensor registerParameter(String name, Tensor parameter) {
        registered.checkName(name);
        registered.checkLeaf("parameter", name, parameter);
        registered.parameters.put(name, parameter.requiresGrad(true));
        return parameter;
    }

    /**
     * Replaces the tensor of an already registered parameter (e.g. when loading weights of another dtype).
     *
     * @param name the name it was registered under
     * @param parameter the new leaf tensor; it is marked as requiring a gradient
     */
    protected final void replaceParameter(String name, Tensor parameter) {
        registered.get(registered.parameters, "parameter", name);
        registered.parameters.put(name, parameter.requiresGrad(true));
    }

    /**
     * The registered parameter {@code name} of this module (not of a sub-module). Layers read their parameters through
     * this method rather than caching them in fields, so that {@link #to(DType)} and {@link ModelIO#load} can replace
     * them.
     *
     * @param name the name it was registered under
     * @return the current parameter tensor
     * @throws IllegalArgumentException if there is no such parameter
     */
    protected final Tensor parameter(String name) {
        return registered.get(registered.parameters, "parameter", name);
    }

    /**
     * Registers a buffer under {@code name} and returns it: state that is not trained (no gradient, never given to an
     * optimizer by {@link #parameters()}) but belongs to the model, such as {@link BatchNorm1d}'s running statistics.
     * Buffers are listed by {@link #namedBuffers()}, included in {@link #stateDict()}, saved and loaded by
     * {@link ModelIO}, converted by {@link #to(DType)} and counted by {@link #summary} as non-trainable, as PyTorch's
     * {@code register_buffer} and Keras's non-trainable weights.
     *
     * @param name the buffer's name within this module: not empty, no dot
     * @param value a leaf tensor; it is marked as not requiring a gradient
     * @return {@code value}
     * @throws IllegalArgumentException if the name is empty, contains a dot or is taken, or {@code value} is not a leaf
     */
    protected final Tensor registerBuffer(String name, Tensor value) {
        registered.checkName(name);
        registered.checkLeaf("buffer", name, value);
        registered.buffers.put(name, value.requiresGrad(false));
        return value;
    }

    /**
     * The registered buffer {@code name} of this module (not of a sub-module); read it here rather than caching it, as
     * {@link #parameter} explains.
     *
     * @param name the name it was registered under
     * @return the current buffer tensor
     * @throws IllegalArgumentException if there is no such buffer
     */
    protected final Tensor buffer(String name) {
        return registered.get(registered.buffers, "buffer", name);
    }

    /**
     * Replaces the value of the registered buffer {@code name} (e.g. a running mean after a training step). A new
     * tensor rather than a write into the old one, so a graph that saved the old value keeps it.
     *
     * @param name the name it was registered under
     * @param value the new value, of the old one's shape and dtype
     * @throws IllegalArgumentException if there is no such buffer, or the shape or dtype differ
     */
    protected final void setBuffer(String name, Tensor value) {
        registered.setBuffer(name, value);
    }

    /**
     * Registers a sub-module under {@code name} and returns it.
     *
     * @param <M> the sub-module's type, kept so the caller needs no cast
     * @param name the sub-module's name within this module: not empty, no dot
     * @param module the sub-module
     * @return {@code module}
     * @throws IllegalArgumentException if the name is empty, contains a dot, or is taken
     */
    protected final <M extends Module> M registerModule(String name, M module) {
        registered.checkName(name);
        registered.children.put(name, module);
        return module;
    }

    /**
     * Every parameter of this module and its sub-modules, in registration order (depth first).
     *
     * @return a new list of the parameter tensors themselves (not copies)
     */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * Every parameter by dotted path, e.g. {@code layers.0.weight}, in registration order.
     *
     * @return a new insertion-ordered map from path to parameter tensor (not a copy)
     */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        registered.collect("", out, true, false);
        return out;
    }

    /**
     * Every buffer by dotted path, e.g. {@code layers.1.running_mean}, in registration order (depth first).
     *
     * @return a new insertion-ordered map from path to buffer tensor; empty if there are none
     */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        registered.collect("", out, false, true);
        return out;
    }

    /**
     * The direct sub-modules by name, in registration order.
     *
     * @return an insertion-ordered map from name to sub-module; empty for a leaf module
     */
    public Map<String, Module> children() {
        return Collections.unmodifiableMap(registered.children);
    }

    /**
     * Switches this module and its sub-modules to training mode (dropout active). Returns this module.
     *
     * @return this module
     */
    public Module train() {
        setTraining(true);
        return this;
    }

    /**
     * Switches this module and its sub-modules to evaluation mode (dropout off). Returns this module.
     *
     * @return this module
     */
    public Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean on) {
        training = on;
        for (Module m : registered.children.values()) {
            m.setTraining(on);
        }
    }

    /**
     * Whether this module is in training mode.
     *
     * @return true after {@link #train()} (the default), false after {@link #eval()}
     */
    public boolean isTraining() {
        return training;
    }

    /** Clears the gradient of every parameter. */
    public void zeroGrad() {
        for (Tensor p : parameters()) {
            p.zeroGrad();
        }
    }

    /**
     * The number of scalar parameters.
     *
     * @return the total number of elements over {@link #parameters()}
     */
    public long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /**
     * A copy of every parameter and buffer by dotted name, detached from any graph (PyTorch's {@code state_dict}).
     *
     * @return a new insertion-ordered map from dotted name to a detached copy
     */
    public Map<String, Tensor> stateDict() {
        return StateDict.copy(this);
    }

    /**
     * Copies values into the parameters and buffers, in place. Every one must be present with its shape, and no extra
     * name may be given; nothing is changed unless all match.
     *
     * @param state values by dotted name, as {@link #stateDict()} returns them
     * @throws IllegalArgumentException naming the missing, unexpected or mis-shaped entry
     */
    public void loadStateDict(Map<String, Tensor> state) {
        StateDict.load(this, state);
    }

    /**
     * Describes this module for {@link ModelIO}: a type name, its configuration, and the descriptions of its
     * sub-modules, from which {@link ModuleRegistry#build} rebuilds an equal module (weights aside) without the code
     * that built this one. Every built-in module overrides it; a user-defined module overrides it and registers a
     * factory for its type with {@link ModuleRegistry#register}.
     *
     * @return the description of this module and its sub-modules
     * @throws IllegalArgumentException always, here: this module cannot be described
     */
    public ModuleSpec describe() {
        throw new IllegalArgumentException("describe: " + getClass().getName() + " cannot be described; override"
                + " describe() and register a factory with ModuleRegistry.register(type, factory) to save it");
    }

    /**
     * A Keras-style table of the layers, their output shapes with the batch axis as {@code -1} (from forward passes of
     * zeros of shapes {@code [1, inputShape...]} and {@code [2, inputShape...]} with recording off and in evaluation
     * mode: every output axis whose size differs between the two is a batch axis) and their counts of
     * parameters and buffer elements, with totals (buffers and frozen parameters count as non-trainable). Containers
     * ({@link Sequential}, {@link Mlp}) are expanded into their layers; a user-defined module is listed with its
     * sub-modules below it; the modes of all modules are left as they were. The model is called through
     * {@link #apply}, as torchinfo calls {@code model(x)}, so its hooks run (twice, once per batch size).
     *
     * <pre>{@code
     * new Sequential(new Linear(4, 32), new BatchNorm1d(32)).summary(4);
     * // 0 (Linear)         [-1, 32]    160
     * // 1 (BatchNorm1d)    [-1, 32]    128     (weight, bias; running mean and variance: non-trainable)
     * }</pre>
     *
     * @param inputShape the shape of one sample, without the batch axis, e.g. {@code 30} for inputs {@code [batch, 30]}
     * @return the table, lines separated by {@code \n}
     * @throws IllegalArgumentException if the input shape is empty or does not fit the model
     */
    public String summary(long... inputShape) {
        return Summary.of(this, inputShape);
    }

    /**
     * Converts every floating parameter and buffer to {@code dtype} (each becomes a new leaf tensor; a parameter keeps
     * its {@code requiresGrad}); INT64 buffers stay INT64, as PyTorch's {@code Module.to} leaves integer ones. Build
     * optimizers after calling it, since they hold the old tensors. Returns this module.
     *
     * @param dtype the floating element type wanted, FLOAT32 or FLOAT64
     * @return this module
     * @throws IllegalArgumentException for INT64 (as PyTorch: a module converts only to floating types)
     */
    public Module to(DType dtype) {
        if (dtype == DType.INT64) {
            throw new IllegalArgumentException("Module.to: only floating point dtypes are accepted, got INT64 (as in"
                    + " PyTorch); convert the tensors that hold indices themselves");
        }
        registered.to(dtype);
        return this;
    }

    /** Sets the mode of this module only, not of its sub-modules (to restore modes exactly after a summary). */
    final void setOwnTraining(boolean on) {
        training = on;
    }

    /**
     * Computes this module's output from several inputs (e.g. a query and a key, or an input and a mask). A module that
     * takes more than one input overrides this method; by default it accepts exactly one input and calls
     * {@link #forward(Tensor)}.
     *
     * @param inputs the inputs, in the order the module documents
     * @return the output batch
     * @throws IllegalArgumentException if this module takes one input and another number is given
     */
    public Tensor forward(Tensor... inputs) {
        if (inputs == null || inputs.length != 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": forward takes 1 input, got "
                    + (inputs == null ? "null" : inputs.length) + "; override forward(Tensor...) to take several");
        }
        return forward(inputs[0]);
    }

    /**
     * Calls the module, as PyTorch's {@code module(x)}: {@link #forward} with the hooks around it
     * ({@link ModuleHooks}).
     *
     * @param x the input
     * @return the output
     */
    public final Tensor apply(Tensor x) {
        return hooks.call(this, x);
    }

    /**
     * Registers a hook that runs before {@link #forward} when the module is called through {@link #apply}.
     *
     * @param hook sees the module and its input; may return another input (null keeps it)
     * @return a handle whose {@code remove()} takes the hook out
     */
    public final HookHandle registerForwardPreHook(ModuleHooks.ForwardPreHook hook) {
        return hooks.add(hooks.pre, hook);
    }

    /**
     * Registers a hook that runs after {@link #forward} when the module is called through {@link #apply}.
     *
     * @param hook sees the module, its input and output; may return another output (null keeps it)
     * @return a handle whose {@code remove()} takes the hook out
     */
    public final HookHandle registerForwardHook(ModuleHooks.ForwardHook hook) {
        return hooks.add(hooks.post, hook);
    }

    /**
     * Registers a hook that runs during backward with the gradients of the module's input and output, as PyTorch's
     * {@code register_full_backward_hook} (see {@link ModuleHooks.BackwardHook}).
     *
     * @param hook sees the module, the input's gradient (null when the input needs none) and the output's gradient;
     *             may return another input gradient (null keeps it)
     * @return a handle whose {@code remove()} takes the hook out
     */
    public final HookHandle registerFullBackwardHook(ModuleHooks.BackwardHook hook) {
        return hooks.add(hooks.backward, hook);
    }
}
