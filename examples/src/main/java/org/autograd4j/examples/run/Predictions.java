package org.autograd4j.examples.run;

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
     * The model's outputs for every row of {@code x}, without recording gradients.
     *
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
