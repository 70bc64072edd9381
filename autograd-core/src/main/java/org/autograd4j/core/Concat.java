package org.autograd4j.core;

/** Tensors joined along an axis: each input's gradient is its slice of the output's gradient. */
final class Concat extends Node {
    private final int axis;

    private Concat(Tensor[] xs, int axis) {
        super(xs);
        this.axis = axis;
    }

    static Tensor apply(Tensor[] xs, int axis) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        int[] first = xs[0].shape;
        if (first.length == 0) {
            throw new IllegalArgumentException("concat: cannot join 0-d tensors (use stack)");
        }
        int a = Shapes.axis("concat", axis, first.length);
        int total = 0;
        DType dtype = DType.result(xs);
        for (int i = 0; i < xs.length; i++) {
            int[] s = xs[i].shape;
            if (s.length != first.length || !java.util.Arrays.equals(Shapes.with(s, a, 0), Shapes.with(first, a, 0))) {
                throw new IllegalArgumentException("concat: tensor " + i + " has shape " + Shapes.str(s)
                        + ", which does not match tensor 0's " + Shapes.str(first) + " outside axis " + axis);
            }
            total += s[a];
        }
        int[] shape = Shapes.with(first, a, total);
        int outer = Shapes.outer(shape, a);
        int inner = Shapes.inner(shape, a);
        Object out = Tensor.alloc(dtype, Shapes.size(shape));
        int rowLength = total * inner;
        int offset = 0;
        for (Tensor x : xs) {
            int block = x.shape[a] * inner;
            Object src = x.dtype == dtype ? x.storage() : DType.convert(x, dtype).storage();
            for (int o = 0; o < outer; o++) {
                System.arraycopy(src, o * block, out, o * rowLength + offset, block);
            }
            offset += block;
        }
        Tensor result = Tensor.over(out, shape, dtype);
        return Node.recording(xs) ? Node.attach(result, new Concat(xs.clone(), a)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor[] grads = new Tensor[inputs.length];
        long from = 0;
        for (int i = 0; i < inputs.length; i++) {
            long to = from + inputs[i].shape[axis];
            grads[i] = needs(i) ? gradOut.slice(axis, from, to) : null;
            from = to;
        }
        return grads;
    }
}
