package org.autograd4j.nn.data;

import java.util.Arrays;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * One-hot encoding of class indices and its inverse.
 *
 * <pre>{@code
 * Tensor y = OneHot.encode(new int[] {2, 0}, 3);  // [[0, 0, 1], [1, 0, 0]], FLOAT32
 * int[] back = OneHot.decode(y);                  // {2, 0}
 * }</pre>
 */
public final class OneHot {
    private OneHot() {
    }

    /**
     * {@link #encode(int[], int, DType)} as FLOAT32 (the loaders' default type).
     *
     * @param labels {@code n} class indices, each in {@code [0, classes)}
     * @param classes the number of classes, at least 1
     * @return a FLOAT32 tensor of shape {@code [n, classes]}
     */
    public static Tensor encode(int[] labels, int classes) {
        return encode(labels, classes, DType.FLOAT32);
    }

    /**
     * Encodes class indices as rows with a single 1.
     *
     * @param labels  {@code n} class indices, each in {@code [0, classes)}
     * @param classes the number of classes, {@code >= 1}
     * @param dtype the element type of the result, not null
     * @return shape {@code [n, classes]}
     * @throws IllegalArgumentException if {@code classes < 1} or a label is out of range
     */
    public static Tensor encode(int[] labels, int classes, DType dtype) {
        if (classes < 1) {
            throw new IllegalArgumentException("OneHot.encode: classes must be >= 1, got " + classes);
        }
        double[] out = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("OneHot.encode: label " + labels[i] + " at position " + i
                        + " is outside [0, " + classes + ")");
            }
            out[i * classes + labels[i]] = 1;
        }
        return Tensor.of(out, labels.length, classes).to(dtype);
    }

    /**
     * The class of each row: the position of its largest value (the first one on ties), so it also decodes
     * probabilities or logits.
     *
     * @param oneHot shape {@code [n, classes]}
     * @return {@code n} class indices
     * @throws IllegalArgumentException if {@code oneHot} is not 2-D with at least one column
     */
    public static int[] decode(Tensor oneHot) {
        if (oneHot.rank() != 2 || oneHot.size(1) == 0) {
            throw new IllegalArgumentException("OneHot.decode: expected shape [n, classes] with classes >= 1, got "
                    + Arrays.toString(oneHot.shape()));
        }
        int n = (int) oneHot.size(0);
        int k = (int) oneHot.size(1);
        double[] v = oneHot.toDoubleArray();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (v[i * k + j] > v[i * k + best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
