package org.autograd4j.core;

/**
 * Values repeated along broadcast axes: the gradient is summed back, which the backward walk does for every op (see
 * {@link Broadcasting#sumToShape}), so this backward passes it on unchanged.
 */
final class BroadcastTo extends Node {
    private BroadcastTo(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x, int[] shape) {
        if (!Broadcasting.broadcastsTo(x.shape, shape)) {
            throw new IllegalArgumentException("broadcastTo: cannot broadcast " + Shapes.str(x.shape) + " to "
                    + Shapes.str(shape));
        }
        // to its own shape: a view, never the input itself (Autograd.grad and requiresGrad treat the result apart)
        Tensor out;
        if (java.util.Arrays.equals(x.shape, shape)) {
            out = x.view(shape);
        } else {
            int[] xs = x.shape;
            out = Recorded.map("broadcastTo", x, shape, (a, y) -> Kernels.expand(a, xs, shape, y));
        }
        return Node.recording(x) ? Node.attach(out, new BroadcastTo(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut};
    }
}
