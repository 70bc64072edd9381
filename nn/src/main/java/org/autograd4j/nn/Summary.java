package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.Tensor;

/**
 * The table behind {@link Module#summary(long...)}: one row per layer (containers expanded), Keras-style, the batch
 * axis shown as {@code -1}. Which output axes are batch axes is measured, not guessed: the model runs on a batch of one
 * sample and on a batch of two, and every axis whose size differs between the two runs (the batch axis, wherever a
 * layer moved it, or an axis that merged it with others) is shown as {@code -1}; an axis of size 1 that does not
 * follow the batch keeps its size. {@link Sequential} and {@link Mlp} are run layer by layer, so each row has its output
 * shape; any other module with sub-modules (a user-defined one) is run as a whole, its row showing its output shape
 * and the parameters it owns directly, followed by rows for its sub-modules (depth first) whose output shapes cannot be
 * known without running them one by one, shown as {@code -}. A row's count includes buffers (running statistics), which
 * the totals count as non-trainable, as Keras counts a BatchNormalization's moving statistics.
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
        List<Row> rows = new ArrayList<>();
        model.eval();
        Autograd.Scope noGrad = Autograd.noGrad();
        try {
            List<Tensor> params = model.parameters();
            Tensor[] x = new Tensor[2];
            for (int n = 0; n < 2; n++) {
                shape[0] = n + 1;
                x[n] = params.isEmpty() ? Tensor.zeros(shape) : Tensor.zeros(shape).to(params.get(0).dtype());
            }
            walk("", model, x, rows);
        } finally {
            noGrad.close();
            modes.forEach(Module::setOwnTraining);
        }
        return format(model, rows);
    }

    private static void rememberModes(Module m, Map<Module, Boolean> modes) {
        modes.put(m, m.isTraining());
        for (Module c : m.children().values()) {
            rememberModes(c, modes);
        }
    }

    /**
     * Runs {@code m} on {@code x} (a batch of one sample and a batch of two), adding rows for its layers, and returns
     * its two outputs.
     */
    private static Tensor[] walk(String name, Module m, Tensor[] x, List<Row> rows) {
        if (m instanceof Mlp mlp) {
            return walk(prefix(name) + "layers", mlp.layers(), x, rows);
        }
        if (m instanceof Sequential seq) {
            Tensor[] y = x;
            for (int i = 0; i < seq.size(); i++) {
                y = walk(prefix(name) + i, seq.get(i), y, rows);
            }
            return y;
        }
        Tensor[] y = {m.forward(x[0]), m.forward(x[1])};
        String shown = shape(y[0].shape(), y[1].shape());
        long inChildren = 0;
        for (Module c : m.children().values()) {
            inChildren += count(c);
        }
        rows.add(new Row(name.isEmpty() ? "model" : name, m.getClass().getSimpleName(), shown,
                count(m) - inChildren));
        for (Map.Entry<String, Module> e : m.children().entrySet()) {
            listChildren(prefix(name) + e.getKey(), e.getValue(), rows);
        }
        return y;
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

    /** Rows for a module that was not run on its own: no output shape. */
    private static void listChildren(String name, Module m, List<Row> rows) {
        long inChildren = 0;
        for (Module c : m.children().values()) {
            inChildren += count(c);
        }
        if (!(m instanceof Sequential) && !(m instanceof Mlp)) {
            rows.add(new Row(name, m.getClass().getSimpleName(), "-", count(m) - inChildren));
        }
        for (Map.Entry<String, Module> e : m.children().entrySet()) {
            listChildren(name + "." + e.getKey(), e.getValue(), rows);
        }
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
