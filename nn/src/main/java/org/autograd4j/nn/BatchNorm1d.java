package org.autograd4j.nn;

import java.util.Map;
import java.util.OptionalDouble;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.CaptureException;
import org.autograd4j.core.Tensor;

/**
 * Batch normalisation over the batch axis, as PyTorch's {@code nn.BatchNorm1d}: for input {@code [batch, C]} (or
 * {@code [batch, C, L]}, normalised over axes 0 and 2), each feature {@code c} becomes
 * {@code (x - mean_c) / sqrt(var_c + eps) * weight_c + bias_c}.
 *
 * <ul>
 *   <li>Training mode: {@code mean_c} and {@code var_c} are the batch's (the biased variance, dividing by n), and the
 *       running statistics (buffers {@code running_mean}, zeros at first, and {@code running_var}, ones) move towards
 *       them: {@code running = (1 - momentum) * running + momentum * batch}, with the <i>unbiased</i> batch variance
 *       (dividing by n - 1), exactly as PyTorch. Without a momentum ({@link OptionalDouble#empty()}) they are the
 *       cumulative averages over the batches seen, counted in the buffer {@code num_batches_tracked}. A batch of one
 *       value per feature is refused, as in PyTorch: its variance is undefined.</li>
 *   <li>Evaluation mode: the running statistics are used, so the output of a sample does not depend on its batch.
 *       Without tracked statistics ({@code trackRunningStats} false) the batch's are used in both modes.</li>
 * </ul>
 *
 * <p>The forward pass is composed of Tensor ops, so gradients of every order flow through the batch statistics.
 * Parameters {@code weight} (ones) and {@code bias} (zeros), shape {@code [C]}, unless {@code affine} is false.
 *
 * <pre>{@code
 * Module net = new Sequential(new Linear(30, 64), new BatchNorm1d(64), new ReLU(), new Linear(64, 2));
 * }</pre>
 */
public final class BatchNorm1d extends Module {
    private static final String OP = "BatchNorm1d";
    private final int numFeatures;
    private final double eps;
    private final OptionalDouble momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    /**
     * PyTorch's defaults: {@code eps 1e-5, momentum 0.1}, affine, tracking running statistics.
     *
     * @param numFeatures {@code C}, the number of features (channels), at least 1
     */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, OptionalDouble.of(0.1), true, true);
    }

    /**
     * A layer with full control.
     *
     * @param numFeatures       {@code C}, {@code > 0}
     * @param eps               added to the variance, finite and {@code > 0}
     * @param momentum          the running statistics' update rate in {@code [0, 1]}, or empty for cumulative averages
     * @param affine            whether to learn {@code weight} and {@code bias}
     * @param trackRunningStats whether to keep running statistics (buffers) and use them in evaluation mode
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public BatchNorm1d(int numFeatures, double eps, OptionalDouble momentum, boolean affine,
            boolean trackRunningStats) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException(OP + ": numFeatures must be > 0, got " + numFeatures);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(OP + ": eps must be finite and > 0, got " + eps);
        }
        if (momentum == null) {
            throw new IllegalArgumentException(OP + ": momentum must not be null (use OptionalDouble.empty())");
        }
        if (momentum.isPresent() && !(momentum.getAsDouble() >= 0 && momentum.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(OP + ": momentum must be in [0, 1], got " + momentum.getAsDouble());
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        if (affine) {
            registerParameter("weight", Tensor.ones(numFeatures));
            registerParameter("bias", Tensor.zeros(numFeatures));
        }
        if (trackRunningStats) {
            registerBuffer("running_mean", Tensor.zeros(numFeatures));
            registerBuffer("running_var", Tensor.ones(numFeatures));
            if (momentum.isEmpty()) {
                registerBuffer("num_batches_tracked", Tensor.scalar(0));
            }
        }
    }

    /**
     * {@code C}.
     *
     * @return the number of features, at least 1
     */
    public int numFeatures() {
        return numFeatures;
    }

    /**
     * The running mean, shape {@code [C]}; a copy.
     *
     * @return a new tensor of shape {@code [C]}
     */
    public Tensor runningMean() {
        return copy(buffer("running_mean"));
    }

    /**
     * The running (unbiased) variance, shape {@code [C]}; a copy.
     *
     * @return a new tensor of shape {@code [C]}
     */
    public Tensor runningVar() {
        return copy(buffer("running_var"));
    }

    private static Tensor copy(Tensor t) {
        return Tensor.of(t.toDoubleArray(), t.shape()).to(t.dtype());
    }

    /**
     * Normalises each feature as the class comment states.
     *
     * @param x shape {@code [batch, C]} or {@code [batch, C, L]}
     * @return the same shape
     * @throws IllegalArgumentException if the shape does not fit, or in training mode with one value per feature
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input(OP, x);
        if (isTraining() && Autograd.isCapturing()) {
            // refused before the running statistics are touched, so that the eager run that follows updates them once
            throw new CaptureException(OP + " in training mode has no recorded kernel yet (it updates its running"
                    + " statistics from Java); run the step eagerly");
        }
        if ((x.rank() != 2 && x.rank() != 3) || x.size(1) != numFeatures) {
            throw new IllegalArgumentException(OP + ": expected input of shape [batch, " + numFeatures
                    + "] or [batch, " + numFeatures + ", length], got " + Checks.shape(x));
        }
        boolean batchStats = isTraining() || !trackRunningStats;
        long n = x.size(0) * (x.rank() == 3 ? x.size(2) : 1);
        Tensor mean;
        Tensor var;
        if (batchStats) {
            if (n < 2 && isTraining()) {
                throw new IllegalArgumentException(OP + ": expected more than 1 value per feature when training, got"
                        + " input of shape " + Checks.shape(x));
            }
            mean = reduce(x);
            var = reduce(x.sub(mean).square());
            if (isTraining() && trackRunningStats) {
                track(mean, var, n);
            }
        } else {
            mean = perFeature(buffer("running_mean"), x.rank());
            var = perFeature(buffer("running_var"), x.rank());
        }
        Tensor y = x.sub(mean).div(var.add(eps).sqrt());
        if (affine) {
            y = y.mul(perFeature(parameter("weight"), x.rank())).add(perFeature(parameter("bias"), x.rank()));
        }
        return y;
    }

    /** The mean over the batch (and length) axes, kept as size-1 axes: {@code [1, C]} or {@code [1, C, 1]}. */
    private static Tensor reduce(Tensor x) {
        Tensor m = x.mean(0, true);
        return x.rank() == 3 ? m.mean(2, true) : m;
    }

    /** A {@code [C]} tensor shaped to broadcast against an input of rank {@code rank}. */
    private Tensor perFeature(Tensor t, int rank) {
        return rank == 3 ? t.reshape(1, numFeatures, 1) : t;
    }

    /** Moves the running statistics towards the batch's (outside any graph; the buffers get new tensors). */
    private void track(Tensor mean, Tensor var, long n) {
        double[] m = mean.toDoubleArray();
        double[] v = var.toDoubleArray();
        double[] rm = buffer("running_mean").toDoubleArray();
        double[] rv = buffer("running_var").toDoubleArray();
        double rate;
        if (momentum.isPresent()) {
            rate = momentum.getAsDouble();
        } else {
            double count = buffer("num_batches_tracked").item() + 1;
            setBuffer("num_batches_tracked", Tensor.scalar(count).to(buffer("num_batches_tracked").dtype()));
            rate = 1 / count;
        }
        double unbias = (double) n / (n - 1);
        for (int c = 0; c < numFeatures; c++) {
            rm[c] = (1 - rate) * rm[c] + rate * m[c];
            rv[c] = (1 - rate) * rv[c] + rate * v[c] * unbias;
        }
        setBuffer("running_mean", Tensor.of(rm, numFeatures).to(buffer("running_mean").dtype()));
        setBuffer("running_var", Tensor.of(rv, numFeatures).to(buffer("running_var").dtype()));
    }

    /** {@code BatchNorm1d{affine, eps, momentum ("none" without one), numFeatures, trackRunningStats}}. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of(OP, Map.of("numFeatures", Integer.toString(numFeatures), "eps", Double.toString(eps),
                "momentum", momentum.isPresent() ? Double.toString(momentum.getAsDouble()) : "none",
                "affine", Boolean.toString(affine), "trackRunningStats", Boolean.toString(trackRunningStats)));
    }

    /** Rebuilds the layer {@link #describe()} described. */
    static BatchNorm1d of(ModuleSpec s) {
        String m = s.string("momentum");
        return new BatchNorm1d(s.integer("numFeatures"), s.number("eps"),
                m.equals("none") ? OptionalDouble.empty() : OptionalDouble.of(s.number("momentum")),
                s.flag("affine"), s.flag("trackRunningStats"));
    }
}
