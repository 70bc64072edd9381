package org.autograd4j.nn;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link Module#describe()} returns and a model file stores as its architecture: a type name, a configuration
 * of named values written as text, and the descriptions of the sub-modules whose construction the configuration does
 * not already imply (a {@link Sequential}'s layers, for instance). Weights are not part of it.
 *
 * <p>This string-keyed form exists only at the file boundary, as {@link org.autograd4j.nn.optim.OptimizerState} does
 * for optimizers; inside a module the configuration is held in typed fields. Configuration keys are kept sorted, so a
 * description (and a saved file) is the same byte for byte however the map was built.
 *
 * <pre>{@code
 * ModuleSpec s = new Linear(4, 2).describe();   // Linear{bias=true, in=4, out=2}
 * Module copy = ModuleRegistry.build(s);         // a Linear(4, 2) with fresh weights
 * }</pre>
 *
 * @param type     the registered type name, e.g. {@code "Linear"}
 * @param config   values by key, as text ({@link Double#toString} for numbers, so they read back exactly)
 * @param children sub-module descriptions by name, in order
 */
public record ModuleSpec(String type, Map<String, String> config, Map<String, ModuleSpec> children) {
    /**
     * Copies both maps (the configuration sorted by key, the children in the given order) and checks for nulls.
     *
     * @param type the module's type name, as registered with {@link ModuleRegistry#register}
     * @param config the module's settings as text, by key
     * @param children the descriptions of its sub-modules, by name
     */
    public ModuleSpec {
        Objects.requireNonNull(type, "ModuleSpec: type must not be null");
        if (type.isEmpty()) {
            throw new IllegalArgumentException("ModuleSpec: type must not be empty");
        }
        Map<String, String> c = new TreeMap<>();
        config.forEach((k, v) -> c.put(Objects.requireNonNull(k, "ModuleSpec " + type + ": null config key"),
                Objects.requireNonNull(v, "ModuleSpec " + type + ": config '" + k + "' is null")));
        config = Collections.unmodifiableMap(c);
        Map<String, ModuleSpec> ch = new LinkedHashMap<>();
        children.forEach((k, v) -> ch.put(Objects.requireNonNull(k, "ModuleSpec " + type + ": null child name"),
                Objects.requireNonNull(v, "ModuleSpec " + type + ": child '" + k + "' is null")));
        children = Collections.unmodifiableMap(ch);
    }

    /**
     * A description without children.
     *
     * @param type the module's type name
     * @param config the module's settings as text, by key
     * @return a new description
     */
    public static ModuleSpec of(String type, Map<String, String> config) {
        return new ModuleSpec(type, config, Map.of());
    }

    /**
     * A description without configuration or children (e.g. {@code ReLU}).
     *
     * @param type the module's type name
     * @return a new description
     */
    public static ModuleSpec of(String type) {
        return new ModuleSpec(type, Map.of(), Map.of());
    }

    /**
     * The text value of {@code key}.
     *
     * @param key the configuration key
     * @return the value as written
     * @throws IllegalArgumentException if it is missing
     */
    public String string(String key) {
        String v = config.get(key);
        if (v == null) {
            throw new IllegalArgumentException("ModuleSpec " + type + ": missing config '" + key + "' in " + config);
        }
        return v;
    }

    /**
     * The value of {@code key} as an int; {@link IllegalArgumentException} if missing or not an integer.
     *
     * @param key the configuration key
     * @return the value
     */
    public int integer(String key) {
        String v = string(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    /**
     * The value of {@code key} as a double; {@link IllegalArgumentException} if missing or not a number.
     *
     * @param key the configuration key
     * @return the value
     */
    public double number(String key) {
        String v = string(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "a number");
        }
    }

    /**
     * The value of {@code key} as a boolean ("true" or "false"); {@link IllegalArgumentException} otherwise.
     *
     * @param key the configuration key
     * @return the value
     */
    public boolean flag(String key) {
        String v = string(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw bad(key, v, "true or false");
        }
        return v.equals("true");
    }

    /**
     * The value of {@code key} as comma-separated ints, e.g. {@code "30,64,2"}.
     *
     * @param key the configuration key
     * @return a new array of the values, in order
     */
    public int[] integers(String key) {
        String v = string(key);
        try {
            return v.isEmpty() ? new int[0] : Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw bad(key, v, "comma-separated integers");
        }
    }

    /**
     * Writes ints as {@link #integers} reads them.
     *
     * @param values the ints to write, in order
     * @return the values separated by commas, without spaces
     */
    public static String joinIntegers(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i]);
        }
        return b.toString();
    }

    private IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException("ModuleSpec " + type + ": config '" + key + "' is '" + value
                + "', not " + expected);
    }

    /** The description in one line, e.g. {@code Sequential{}[0=Linear{bias=true, in=4, out=2}, 1=ReLU{}]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(type).append(config);
        if (!children.isEmpty()) {
            String sep = "[";
            for (Map.Entry<String, ModuleSpec> e : children.entrySet()) {
                b.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = ", ";
            }
            b.append(']');
        }
        return b.toString();
    }
}
