package org.autograd4j.nn.io;

import java.util.Map;
import org.autograd4j.nn.ModuleSpec;

/**
 * The number of weights a {@link ModuleSpec} declares, computed from its configuration without building anything,
 * for the built-in types that hold weights ({@code Linear}, {@code Mlp}, {@code PReLU}); other types count their
 * children (a user-defined type's own weights are not known here and count 0). Products saturate at
 * {@link Long#MAX_VALUE}, so a forged size never overflows into a small number.
 */
final class ModuleSizes {
    private ModuleSizes() {
    }

    /** The weights {@code spec} and its children declare; a malformed configuration counts 0 (the build reports it). */
    static long parameters(ModuleSpec spec) {
        long own;
        try {
            own = switch (spec.type()) {
                case "Linear" -> add(times(spec.integer("in"), spec.integer("out")),
                        spec.flag("bias") ? spec.integer("out") : 0);
                case "Mlp" -> mlp(spec.integers("sizes"), spec.flag("bias"));
                case "PReLU" -> spec.integer("numParameters");
                default -> 0;
            };
        } catch (IllegalArgumentException e) {
            own = 0;
        }
        long total = Math.max(own, 0);
        for (Map.Entry<String, ModuleSpec> c : spec.children().entrySet()) {
            total = add(total, parameters(c.getValue()));
        }
        return total;
    }

    /**
     * The module that declares more than {@code limit} weights by itself, with its configuration, e.g.
     * {@code  (Linear 'layers.0': in=100000, out=100000)}; empty if none does alone.
     */
    static String culprit(ModuleSpec spec, String path, long limit) {
        for (Map.Entry<String, ModuleSpec> c : spec.children().entrySet()) {
            String inner = culprit(c.getValue(), path + c.getKey() + ".", limit);
            if (!inner.isEmpty()) {
                return inner;
            }
        }
        ModuleSpec own = new ModuleSpec(spec.type(), spec.config(), Map.of());
        if (parameters(own) > limit) {
            String name = path.isEmpty() ? "" : " '" + path.substring(0, path.length() - 1) + "'";
            return " (" + spec.type() + name + ": " + config(spec.config()) + ")";
        }
        return "";
    }

    /** A count as digits, or "more than 9223372036854775807" when it saturated. */
    static String describe(long n) {
        return n == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(n);
    }

    private static String config(Map<String, String> config) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : config.entrySet()) {
            String v = e.getValue().length() <= 40 ? e.getValue() : e.getValue().substring(0, 37) + "...";
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(v);
        }
        return b.toString();
    }

    private static long mlp(int[] sizes, boolean bias) {
        long total = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            total = add(total, add(times(sizes[i], sizes[i + 1]), bias ? sizes[i + 1] : 0));
        }
        return total;
    }

    private static long times(long a, long b) {
        if (a <= 0 || b <= 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long add(long a, long b) {
        long s = a + Math.max(b, 0);
        return s < a ? Long.MAX_VALUE : s;
    }
}
