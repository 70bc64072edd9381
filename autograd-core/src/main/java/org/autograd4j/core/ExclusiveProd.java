package org.autograd4j.core;

/**
 * For each element of a 2-D tensor {@code [m, n]}, the product of the other elements of its row,
 * {@code E_i = Π_{j≠i} x_j} (the gradient of {@link Prod}), from prefix and suffix products, so no division: exact
 * with zeros. Its own derivative is {@code d E_i / d x_k = Π_{j∉{i,k}} x_j} for {@code k ≠ i}, 0 for {@code k = i}:
 * the exclusive products of the rows {@code x} with element i set to 1, one such row per i.
 */
final class ExclusiveProd extends Node {
    private ExclusiveProd(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        int m = x.shape[0];
        int n = x.shape[1];
        double[] v = x.values();
        double[] out = new double[m * n];
        for (int r = 0; r < m; r++) {
            int base = r * n;
            double prefix = 1.0;
            for (int j = 0; j < n; j++) {
                out[base + j] = prefix;
                prefix *= v[base + j];
            }
            double suffix = 1.0;
            for (int j = n - 1; j >= 0; j--) {
                out[base + j] *= suffix;
                suffix *= v[base + j];
            }
        }
        Tensor result = new Tensor(out, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new ExclusiveProd(x)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        int m = x.shape[0];
        int n = x.shape[1];
        double[] eye = new double[n * n];
        double[] off = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            eye[i] = i / n == i % n ? 1.0 : 0.0;
            off[i] = 1.0 - eye[i];
        }
        Tensor identity = new Tensor(eye, new int[] {n, n}, x.dtype);
        Tensor offDiagonal = new Tensor(off, new int[] {n, n}, x.dtype);
        // rows[r, i, :] = x[r, :] with element i set to 1
        Tensor rows = x.unsqueeze(1).mul(offDiagonal).add(identity);
        Tensor others = Reshape.apply(apply(Reshape.apply(rows, new int[] {m * n, n})), new int[] {m, n, n});
        return new Tensor[] {gradOut.unsqueeze(2).mul(offDiagonal).mul(others).sum(1, false)};
    }
}
