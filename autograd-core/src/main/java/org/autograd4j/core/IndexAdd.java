package org.autograd4j.core;

/** Rows added into a zero tensor of {@code n} rows at given positions (the adjoint of {@link Index}). */
final class IndexAdd extends Node {
    private final int[] rows;

    private IndexAdd(Tensor x, int[] rows) {
        super(x);
        this.rows = rows;
    }

    static Tensor apply(Tensor x, int[] rows, int n) {
        int inner = Shapes.inner(x.shape, 0);
        int[] shape = Shapes.with(x.shape, 0, n);
        double[] out = new double[n * inner];
        for (int i = 0; i < rows.length; i++) {
            int dst = rows[i] * inner;
            int src = i * inner;
            for (int j = 0; j < inner; j++) {
                out[dst + j] += x.at(src + j);
            }
        }
        Tensor result = new Tensor(out, shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new IndexAdd(x, rows)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {Index.apply(gradOut, rows)};
    }
}
