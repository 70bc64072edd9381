package org.autograd4j.examples.cli.run;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Module;

/** Runs a model over many rows in slices, so that large inputs (all of MNIST's test set) need little memory. */
public final class Predictions {
    private static final int SLICE = 2048;

    private Predictions() {
    }

    /**
     * Fails at the first row whose output is NaN or infinite (a row so far from the training data that float32
     * overflowed), naming its file line, so that no NaN prediction or score is ever printed.
     *
     * @param out   shape {@code [n, outputs]}
     * @param source names the data in the message
     * @param lines the file line of each of the {@code n} rows
     * @throws IllegalArgumentException naming {@code source} and the line
     */
    public static void checkFinite(Tensor out, String source, List<Integer> lines) {
        double[] v = out.toDoubleArray();
        int width = lines.isEmpty() ? 1 : v.length / lines.size();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(source + " line " + lines.get(i / width) + ": the model's output"
                        + " is " + v[i] + " (the row is too far from the training data for float32)");
            }
        }
    }

    /**
     * The model's outputs for every row of {@code x}, without recording gradients.
     *
     * @param model the network
     * @param x shape {@code [n, features]}
     * @return shape {@code [n, outputs]}
     */
    @SuppressWarnings("try") // the scope is only closed, never read
    public static Tensor forward(Module model, Tensor x) {
        try (Autograd.Scope scope = Autograd.noGrad()) {
            long n = x.size(0);
            if (n <= SLICE) {
                return model.forward(x);
            }
            List<Tensor> parts = new ArrayList<>();
            for (long from = 0; from < n; from += SLICE) {
                parts.add(model.forward(x.slice(0, from, Math.min(n, from + SLICE))));
            }
            return Tensor.concat(parts, 0);
        }
    }
}
