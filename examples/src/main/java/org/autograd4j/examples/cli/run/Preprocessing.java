package org.autograd4j.examples.cli.run;

import org.autograd4j.core.Tensor;
import org.autograd4j.nn.data.StandardScaler;

/**
 * What is done to the data before it reaches the network, fitted on the training split only: standardised features
 * (optional) and, for regression, a standardised target.
 *
 * @param features    the feature scaler, or null to use the features as they are
 * @param targetMean  the mean subtracted from regression targets (0 for classification)
 * @param targetScale the scale regression targets are divided by (1 for classification)
 */
public record Preprocessing(StandardScaler features, double targetMean, double targetScale) {
    /** No scaling at all. */
    public static final Preprocessing NONE = new Preprocessing(null, 0, 1);

    /**
     * Features as the network sees them: {@code x} standardised, or unchanged.
     *
     * @param x features {@code [n, d]}
     * @return features {@code [n, d]}
     */
    public Tensor transform(Tensor x) {
        return features == null ? x : features.transform(x);
    }

    /**
     * Regression targets as the network learns them: {@code (y - targetMean) / targetScale}.
     *
     * @param y targets, in their own units
     * @return a new tensor of the same shape
     */
    public Tensor scaleTarget(Tensor y) {
        return y.sub(targetMean).div(targetScale);
    }

    /**
     * Network outputs back in the target's units: {@code out * targetScale + targetMean}.
     *
     * @param out network outputs, {@code [n]} or {@code [n, 1]}
     * @return a new array of {@code n} values
     */
    public double[] unscaleTarget(Tensor out) {
        double[] v = out.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] * targetScale + targetMean;
        }
        return v;
    }
}
