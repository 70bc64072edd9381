package org.autograd4j.core;

/** Rows picked along axis 0: the gradient is added back into the picked rows ({@link IndexAdd}). */
final class Index extends Node {
    private final int[] rows;

    private Index(Tensor x, int[] rows) {
        super(x);
        this.rows = rows;
    }

    static Tensor apply(Tensor x, long[] rows) {
        if (x.shape.length == 0) {
            throw new IllegalArgumentException("index: cannot pick rows of a 0-d tensor");
        }
        int n = x.shape[0];
        int[] r = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= n) {
                throw new IllegalArgumentException("index: row " + rows[i] + " (position " + i
                        + ") is out of range for shape " + Shapes.str(x.shape));
            }
            r[i] = (int) rows[i];
        }
        return apply(x, r);
    }

    static Tensor apply(Tensor x, int[] rows) {
        int inner = Shapes.inner(x.shape, 0);
        int[] shape = Shapes.with(x.shape, 0, rows.length);
        Object src = x.storage();
        Object out = Tensor.alloc(x.dtype, rows.length * inner);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(src, rows[i] * inner, out, i * inner, inner);
        }
        Tensor result = Tensor.over(out, shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Index(x, rows)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {IndexAdd.apply(gradOut, rows, inputs[0].shape[0])};
    }
}
