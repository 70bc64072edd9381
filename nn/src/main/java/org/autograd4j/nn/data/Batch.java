package org.autograd4j.nn.data;

/**
 * One mini-batch from a {@link DataLoader}.
 *
 * @param x features, shape {@code [batch, d]}
 * @param y labels, shape {@code [batch]} or {@code [batch, k]}
 */
public record Batch(org.autograd4j.core.Tensor x, org.autograd4j.core.Tensor y) {
    /**
     * The number of rows in this batch.
     *
     * @return the number of rows
     */
    public int size() {
        return (int) x.size(0);
    }
}
