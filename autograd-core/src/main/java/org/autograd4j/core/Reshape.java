package org.autograd4j.core;

/** A new shape over the same values (sharing storage): the gradient is reshaped back. */
final class Reshape extends Node {
    private Reshape(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x, int[] shape) {
        if (Shapes.size(shape) != x.length()) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(x.shape) + " ("
                    + x.length() + " elements) to " + Shapes.str(shape));
        }
        Tensor out = x.view(shape);
        return Node.recording(x) ? Node.attach(out, new Reshape(x)) : out;
    }

    /** The requested shape with a -1 resolved; the message shows the request as the user wrote it. */
    static int[] resolve(int[] from, long[] to) {
        int n = Shapes.size(from);
        int infer = -1;
        long known = 1;
        for (int i = 0; i < to.length; i++) {
            if (to[i] == -1 && infer < 0) {
                infer = i;
            } else if (to[i] < 0) {
                throw new IllegalArgumentException("reshape: invalid shape " + Shapes.str(to)
                        + " (only one -1 and no other negative dimension allowed)");
            } else {
                known *= to[i];
            }
        }
        long[] s = to.clone();
        if (infer >= 0) {
            if (known == 0 || n % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(from) + " (" + n
                        + " elements) to " + Shapes.str(to));
            }
            s[infer] = n / known;
        }
        int[] shape = Shapes.fromLong("reshape", s);
        if (Shapes.size(shape) != n) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(from) + " (" + n
                    + " elements) to " + Shapes.str(to));
        }
        return shape;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {apply(gradOut, inputs[0].shape)};
    }
}
