package org.autograd4j.nn;

import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.CaptureException;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * Inverted dropout: in training mode each element is zeroed with probability {@code p} and the survivors are scaled by
 * {@code 1 / (1 - p)}, so the expected output equals the input; in evaluation mode (and for {@code p = 0}) it is the
 * identity. Each call draws its mask from a generator seeded by the module's own {@link Random}, so a seeded run is
 * reproducible. No parameters.
 */
public final class Dropout extends Module {
    private final double p;
    private final Random rng;

    /**
     * Dropout with probability {@code p}, masks from a generator of {@link Seeds#newRandom()} (unseeded unless
     * {@link Seeds#set} was called).
     *
     * @param p the probability of zeroing an element, in {@code [0, 1)}
     */
    public Dropout(double p) {
        this(p, Seeds.newRandom());
    }

    /**
     * Dropout with probability {@code p}, masks drawn from {@code rng}.
     *
     * @param p the probability of zeroing an element, in {@code [0, 1)}
     * @param rng the source of the masks, not null
     * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1)} or {@code rng} is null
     */
    public Dropout(double p, Random rng) {
        this.p = Checks.rate("Dropout", "p", p);
        if (rng == null) {
            throw new IllegalArgumentException("Dropout: rng must not be null");
        }
        this.rng = rng;
    }

    /**
     * The probability of zeroing an element.
     *
     * @return the probability, in {@code [0, 1)}
     */
    public double p() {
        return p;
    }

    /**
     * Applies dropout in training mode; returns {@code x} itself in evaluation mode.
     *
     * @param x any shape
     * @return the same shape and dtype
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("Dropout", x);
        if (!isTraining() || p == 0.0) {
            return x;
        }
        if (Autograd.isCapturing()) {
            // refused before the generator is drawn from, so that the eager run that follows draws the same masks
            throw new CaptureException("Dropout in training mode has no recorded kernel yet (its mask is drawn in"
                    + " Java); run the step eagerly");
        }
        // Why a SplittableRandom per call: java.util.Random costs two atomic updates per double, about 25 ns, which
        // made the masks the largest cost of a training step of the MNIST example (49K elements per batch)
        SplittableRandom r = new SplittableRandom(rng.nextLong());
        double scale = 1.0 / (1.0 - p);
        int n = (int) x.size();
        Tensor m;
        if (x.dtype() == DType.FLOAT32) {
            float s = (float) scale;
            float[] mask = new float[n];
            for (int i = 0; i < n; i++) {
                mask[i] = r.nextDouble() >= p ? s : 0f;
            }
            m = x.rank() == 0 ? Tensor.scalar(mask[0], DType.FLOAT32) : Tensor.of(mask, x.shape());
        } else {
            double[] mask = new double[n];
            for (int i = 0; i < n; i++) {
                mask[i] = r.nextDouble() >= p ? scale : 0.0;
            }
            m = x.rank() == 0 ? Tensor.scalar(mask[0]) : Tensor.of(mask, x.shape());
        }
        return x.mul(m);
    }

    /** {@code Dropout{p}} (the generator's state is not saved: a loaded model draws fresh masks). */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("Dropout", Map.of("p", Double.toString(p)));
    }
}
