package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.HookHandle;
import org.autograd4j.core.Tensor;

/**
 * The table behind {@link Module#summary(long...)}: one row per layer (containers expanded), Keras-style, the batch
 * axis shown as {@code -1}. As torchinfo does, the model is called as a whole ({@link Module#apply}, so the user's own
 * hooks run as in any call) with a forward hook of the summary's own on every module, which records each module's
 * output shape, then removed. Which output axes are batch axes is measured, not guessed: the model runs on a batch of
 * one sample and on a batch of two, and every axis whose size differs between the two runs (the batch axis, wherever a
 * layer moved it, or an axis that merged it with others) is shown as {@code -1}; an axis of size 1 that does not
 * follow the batch keeps its size. {@link Sequential} and {@link Mlp} get no row of their own, their layers do; any
 * other module (a user-defined one) has a row with the parameters it owns directly, followed by rows for its
 * sub-modules (depth first). A module that the forward pass calls directly ({@code child.forward(x)}), not through
 * {@code apply}, runs without hooks, so its output shape is unknown and shown as {@code -}; a module called several
 * times shows its first call's. A row's count includes buffers (running statistics), which the totals count as
 * non-trainable, as Keras counts a BatchNormalization's moving statistics.
 *
 * <pre>
 * Layer (type)                 Output Shape        Param #
 * ========================================================
 * layers.0 (Linear)            [-1, 8]                  24
 * layers.1 (Tanh)              [-1, 8]                   0
 * layers.2 (Linear)            [-1, 2]                  18
 * ========================================================
 * Total params: 42
 * Trainable params: 42
 * Non-trainable params: 0
 * </pre>
 */
final class Summary {
    private record Row(String name, String type, String shape, long params) {
    }

    private Summary() {
    }

    static String of(Module model, long... inputShape) {
        if (inputShape == null || inputShape.length == 0) {
            throw new IllegalArgumentException("summary: give the shape of one sample, e.g. summary(30) for inputs"
                    + " [batch, 30]");
        }
        long[] shape = new long[inputShape.length + 1];
        for (int i = 0; i < inputShape.length; i++) {
            if (inputShape[i] <= 0) {
                throw new IllegalArgumentException("summary: dimensions must be > 0, got "
                        + Arrays.toString(inputShape));
            }
            shape[i + 1] = inputShape[i];
        }
        Map<Module, Boolean> modes = new IdentityHashMap<>();
        rememberModes(model, modes);
        Map<Module, long[][]> outputs = new IdentityHashMap<>();
        List<HookHandle> handles = new ArrayList<>();
        int[] run = {0};
        model.eval();
        Autograd.Scope noGrad = Autograd.noGrad();
        try {
            for (Module m : modes.keySet()) {
                handles.add(m.registerForwardHook((module, input, output) -> {
                    long[][] seen = outputs.computeIfAbsent(module, k -> new long[2][]);
                    seen[run[0]] = seen[run[0]] == null ? output.shape() : seen[run[0]];
                    return null;
                }));
            }
            List<Tensor> params = model.parameters();
            for (int n = 0; n < 2; n++) {
                run[0] = n;
                shape[0] = n + 1;
                Tensor x = params.isEmpty() ? Tensor.zeros(shape) : Tensor.zeros(shape).to(params.get(0).dtype());
                model.apply(x);
            }
        } finally {
            handles.forEach(HookHandle::remove);
            noGrad.close();
            modes.forEach(Module::setOwnTraining);
        }
        List<Row> rows = new ArrayList<>();
        addRows("", model, outputs, rows);
        return format(model, rows);
    }

    private static void rememberModes(Module m, Map<Module, Boolean> modes) {
        modes.put(m, m.isTraining());
        for (Module c : m.children().values()) {
            rememberModes(c, modes);
        }
    }

    /** Rows for {@code m} (unless it is a container) and its sub-modules, depth first. */
    private static void addRows(String name, Module m, Map<Module, long[][]> outputs, List<Row> rows) {
        long inChildren = 0;
        for (Module c : m.children().values()) {
            inChildren += count(c);
        }
        if (!(m instanceof Sequential) && !(m instanceof Mlp)) {
            long[][] seen = outputs.get(m);
            String shown = seen == null || seen[0] == null || seen[1] == null ? "-" : shape(seen[0], seen[1]);
            rows.add(new Row(name.isEmpty() ? "model" : name, m.getClass().getSimpleName(), shown,
                    count(m) - inChildren));
        }
        for (Map.Entry<String, Module> e : m.children().entrySet()) {
            addRows(prefix(name) + e.getKey(), e.getValue(), outputs, rows);
        }
    }

    /**
     * The output shape with {@code -1} on every axis whose size follows the batch ({@code one}: the output for one
     * sample, {@code two}: for two); as it came for one sample if the ranks differ.
     */
    private static String shape(long[] one, long[] two) {
        if (one.length != two.length) {
            return Arrays.toString(one);
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < one.length; i++) {
            b.append(i == 0 ? "" : ", ").append(one[i] == two[i] ? one[i] : -1);
        }
        return b.append(']').toString();
    }

    /** Parameters and buffer elements of {@code m} and its sub-modules. */
    private static long count(Module m) {
        long n = m.parameterCount();
        for (Tensor b : m.namedBuffers().values()) {
            n += b.size();
        }
        return n;
    }

    private static String prefix(String name) {
        return name.isEmpty() ? "" : name + ".";
    }

    private static String format(Module model, List<Row> rows) {
        int w0 = "Layer (type)".length();
        int w1 = "Output Shape".length();
        int w2 = "Param #".length();
        for (Row r : rows) {
            w0 = Math.max(w0, r.name().length() + r.type().length() + 3);
            w1 = Math.max(w1, r.shape().length());
            w2 = Math.max(w2, count(r.params()).length());
        }
        String line = "%-" + (w0 + 4) + "s%-" + (w1 + 4) + "s%" + w2 + "s\n";
        int width = w0 + w1 + w2 + 8;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, line, "Layer (type)", "Output Shape", "Param #"));
        b.append("=".repeat(width)).append('\n');
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, line, r.name() + " (" + r.type() + ")", r.shape(), count(r.params())));
        }
        b.append("=".repeat(width)).append('\n');
        long total = count(model);
        long trainable = 0;
        for (Tensor p : model.parameters()) {
            trainable += p.requiresGrad() ? p.size() : 0;
        }
        b.append("Total params: ").append(count(total)).append('\n');
        b.append("Trainable params: ").append(count(trainable)).append('\n');
        b.append("Non-trainable params: ").append(count(total - trainable)).append('\n');
        return b.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
