package org.autograd4j.nn.data;

import org.autograd4j.core.Tensor;

/**
 * A per-column affine transform of features, fitted on the training split only and then applied unchanged to the
 * validation and test splits (fitting on all rows would leak their statistics into training).
 *
 * <pre>{@code
 * Scaler scaler = StandardScaler.fit(split.train().features());
 * Dataset train = scaler.transform(split.train());
 * Dataset test = scaler.transform(split.test());
 * }</pre>
 *
 * <p>Results keep the input's dtype and are plain leaf tensors (no autograd graph).
 */
public sealed interface Scaler permits StandardScaler, MinMaxScaler {
    /**
     * Scales every column.
     *
     * @param x shape {@code [n, d]}, with the {@code d} columns the scaler was fitted on
     * @return shape {@code [n, d]}
     * @throws IllegalArgumentException if {@code x} is not 2-D or has another number of columns
     */
    Tensor transform(Tensor x);

    /**
     * Undoes {@link #transform}: {@code inverseTransform(transform(x))} equals {@code x} up to rounding.
     *
     * @param x shape {@code [n, d]}
     * @return shape {@code [n, d]}
     */
    Tensor inverseTransform(Tensor x);

    /**
     * The number of columns {@code d} this scaler was fitted on.
     *
     * @return {@code d}, at least 1
     */
    int numFeatures();

    /**
     * The dataset with its features transformed and its labels unchanged.
     *
     * @param data a dataset with {@link #numFeatures()} feature columns
     * @return a new dataset of the same dtype
     */
    default Dataset transform(Dataset data) {
        return new Dataset(transform(data.features()), data.labels());
    }
}
