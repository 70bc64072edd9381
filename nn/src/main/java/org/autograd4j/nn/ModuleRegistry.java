package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.io.ModelIO;

/**
 * Rebuilds modules from their {@link ModuleSpec descriptions}, by type name: what lets {@link ModelIO#load} recreate a
 * model without the code that built it. Every built-in module is registered; a user-defined module that overrides
 * {@link Module#describe()} registers a factory for its type once, before saving or loading.
 *
 * <p>Rebuilt modules carry fresh weights (drawn from a fixed seed); {@link ModelIO} then loads the saved ones.
 *
 * <pre>{@code
 * ModuleRegistry.register("Residual", spec -> new Residual(ModuleRegistry.build(spec.children().get("inner"))));
 * }</pre>
 */
public final class ModuleRegistry {
    private static final Map<String, Function<ModuleSpec, Module>> BUILT_IN = Map.ofEntries(
            Map.entry("Linear", s -> new Linear(s.integer("in"), s.integer("out"), s.flag("bias"), Init.zeros(),
                    new Random(0))),
            Map.entry("Sequential", ModuleRegistry::sequential),
            Map.entry("Mlp", ModuleRegistry::mlp),
            Map.entry("Dropout", s -> new Dropout(s.number("p"))),
            Map.entry("ReLU", s -> new ReLU()),
            Map.entry("LeakyReLU", s -> new LeakyReLU(s.number("slope"))),
            Map.entry("PReLU", s -> new PReLU(s.integer("numParameters"), s.number("init"))),
            Map.entry("ELU", s -> new ELU(s.number("alpha"))),
            Map.entry("GELU", s -> new GELU(s.flag("tanhApproximation"))),
            Map.entry("Tanh", s -> new Tanh()),
            Map.entry("Sigmoid", s -> new Sigmoid()),
            Map.entry("Softmax", s -> new Softmax(s.integer("axis"))),
            Map.entry("LogSoftmax", s -> new LogSoftmax(s.integer("axis"))),
            Map.entry("Identity", s -> new Identity()),
            Map.entry("BatchNorm1d", BatchNorm1d::of),
            Map.entry("LayerNorm", LayerNorm::of),
            Map.entry("Embedding", Embedding::of),
            Map.entry("Flatten", s -> new Flatten(s.integer("startDim"), s.integer("endDim"))));
    private static final Map<String, Function<ModuleSpec, Module>> USER = new ConcurrentHashMap<>();

    private ModuleRegistry() {
    }

    /**
     * Registers (or replaces) the factory of a user-defined type.
     *
     * @param type    the name the module's {@link Module#describe()} uses
     * @param factory builds a module from a description of that type
     * @throws IllegalArgumentException if {@code type} is a built-in type, or an argument is null
     */
    public static void register(String type, Function<ModuleSpec, Module> factory) {
        if (type == null || factory == null) {
            throw new IllegalArgumentException("ModuleRegistry.register: type and factory must not be null");
        }
        if (BUILT_IN.containsKey(type)) {
            throw new IllegalArgumentException("ModuleRegistry.register: '" + type + "' is a built-in type");
        }
        USER.put(type, factory);
    }

    /**
     * Whether a factory is registered for {@code type}.
     *
     * @param type a module type name, e.g. {@code "Linear"}
     * @return true for the built-in types and those added with {@link #register}
     */
    public static boolean isRegistered(String type) {
        return BUILT_IN.containsKey(type) || USER.containsKey(type);
    }

    /**
     * Builds a module (with fresh weights) from its description, children included.
     *
     * @param spec a description, e.g. from {@link Module#describe()}
     * @return a new module of the described architecture
     * @throws IllegalArgumentException if a type is unknown or a configuration is missing or invalid
     */
    public static Module build(ModuleSpec spec) {
        Function<ModuleSpec, Module> f = BUILT_IN.get(spec.type());
        if (f == null) {
            f = USER.get(spec.type());
        }
        if (f == null) {
            throw new IllegalArgumentException("ModuleRegistry: unknown module type '" + spec.type()
                    + "'; register it with ModuleRegistry.register(type, factory)");
        }
        Module m = f.apply(spec);
        if (m == null) {
            throw new IllegalArgumentException("ModuleRegistry: the factory of '" + spec.type() + "' returned null");
        }
        return m;
    }

    /**
     * Checks that every type in a description tree can be rebuilt (so a file is never written that cannot load).
     *
     * @param spec the description to check, with its children
     * @throws IllegalArgumentException naming the first type that is not registered
     */
    public static void checkBuildable(ModuleSpec spec) {
        if (!isRegistered(spec.type())) {
            throw new IllegalArgumentException("ModuleRegistry: unknown module type '" + spec.type()
                    + "'; register it with ModuleRegistry.register(type, factory) before saving");
        }
        for (ModuleSpec child : spec.children().values()) {
            checkBuildable(child);
        }
    }

    /**
     * Sets saved weights on a rebuilt module, keeping each saved tensor's dtype (a float64 weight stays float64 in a
     * module rebuilt in float32): names and shapes are checked by {@link Module#loadStateDict}, then every tensor
     * whose dtype differs replaces the module's own.
     *
     * @param model the module, typically from {@link #build(ModuleSpec)}
     * @param weights the saved state, by dotted name
     * @throws IllegalArgumentException if a name is missing or unexpected or a shape differs
     */
    public static void loadWeights(Module model, Map<String, Tensor> weights) {
        model.loadStateDict(weights);
        Map<String, Tensor> own = model.registered.namedState();
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            if (own.get(e.getKey()).dtype() != e.getValue().dtype()) {
                model.registered.replaceAt(e.getKey(), e.getValue());
            }
        }
    }

    private static Module sequential(ModuleSpec s) {
        List<Module> layers = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ModuleSpec> e : s.children().entrySet()) {
            if (!e.getKey().equals(Integer.toString(i))) {
                throw new IllegalArgumentException("ModuleRegistry: Sequential child " + i + " is named '"
                        + e.getKey() + "', expected '" + i + "'");
            }
            layers.add(build(e.getValue()));
            i++;
        }
        return new Sequential(layers);
    }

    private static Module mlp(ModuleSpec s) {
        return Mlp.builder().sizes(s.integers("sizes")).hiddenActivation(activation(s, "hidden"))
                .outputActivation(activation(s, "output")).dropout(s.number("dropout")).bias(s.flag("bias"))
                .seed(0).build();
    }

    private static Activation activation(ModuleSpec s, String key) {
        String v = s.string(key);
        try {
            return Activation.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ModuleSpec Mlp: config '" + key + "' is '" + v
                    + "', not an Activation", e);
        }
    }
}
