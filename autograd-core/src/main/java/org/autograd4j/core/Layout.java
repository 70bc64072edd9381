package org.autograd4j.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Shape and indexing ops written as other ops (composites, no backward of their own): flatten over a range of axes,
 * squeeze of every size-1 axis, repeat and tile (a reshape, a broadcast and a reshape: the gradient sums the copies),
 * split and chunk (slices), index selection (a gather), scatter (scatter-add and a mask), dot and outer products.
 */
final class Layout {
    private Layout() {
    }

    static Tensor flatten(Tensor x, int start, int end) {
        int rank = Math.max(x.shape.length, 1);
        int s = start < 0 ? start + rank : start;
        int e = end < 0 ? end + rank : end;
        if (s < 0 || s >= rank) {
            throw new IllegalArgumentException("flatten: start axis " + start + " out of range for shape "
                    + Shapes.str(x.shape));
        }
        if (e < 0 || e >= rank) {
            throw new IllegalArgumentException("flatten: end axis " + end + " out of range for shape "
                    + Shapes.str(x.shape));
        }
        if (s > e) {
            throw new IllegalArgumentException("flatten: start axis " + start + " comes after end axis " + end
                    + " for shape " + Shapes.str(x.shape));
        }
        if (x.shape.length == 0) {
            return Reshape.apply(x, new int[] {1});
        }
        int[] out = new int[x.shape.length - (e - s)];
        for (int d = 0, j = 0; d < x.shape.length; d++) {
            if (d <= s || d > e) {
                out[j++] = d == s ? Shapes.size(java.util.Arrays.copyOfRange(x.shape, s, e + 1)) : x.shape[d];
            }
        }
        return Reshape.apply(x, out);
    }

    static Tensor squeeze(Tensor x) {
        return Reshape.apply(x, java.util.Arrays.stream(x.shape).filter(d -> d != 1).toArray());
    }

    /** PyTorch's {@code repeat}: {@code reps} has one count per axis at least; extra counts add leading axes. */
    static Tensor repeat(String op, Tensor x, long[] reps) {
        if (reps == null || reps.length < x.shape.length) {
            throw new IllegalArgumentException(op + ": " + (reps == null ? "no" : reps.length)
                    + " repetition counts for shape " + Shapes.str(x.shape) + "; give one per axis at least");
        }
        int r = reps.length;
        int[] counts = Shapes.fromLong(op, reps);
        int[] grouped = new int[2 * r];
        int[] copies = new int[2 * r];
        int[] result = new int[r];
        for (int d = 0; d < r; d++) {
            int size = d < r - x.shape.length ? 1 : x.shape[d - (r - x.shape.length)];
            grouped[2 * d] = 1;
            grouped[2 * d + 1] = size;
            copies[2 * d] = counts[d];
            copies[2 * d + 1] = size;
            result[d] = counts[d] * size;
        }
        Shapes.checkSize(op, copies, "result of shape");
        return Reshape.apply(BroadcastTo.apply(Reshape.apply(x, grouped), copies), result);
    }

    /** NumPy's and PyTorch's {@code tile}: fewer counts than axes are padded with leading 1s, then {@code repeat}. */
    static Tensor tile(Tensor x, long[] reps) {
        if (reps == null) {
            throw new IllegalArgumentException("tile: repetition counts must not be null");
        }
        long[] padded = new long[Math.max(reps.length, x.shape.length)];
        java.util.Arrays.fill(padded, 1);
        System.arraycopy(reps, 0, padded, padded.length - reps.length, reps.length);
        return repeat("tile", x, padded);
    }

    /** Pieces of {@code size} along the axis, the last one smaller if the size does not divide. */
    static List<Tensor> split(Tensor x, long size, int axis) {
        int a = Shapes.axis("split", axis, x.shape.length);
        if (size <= 0) {
            throw new IllegalArgumentException("split: split size must be > 0, got " + size);
        }
        int n = x.shape[a];
        List<Tensor> out = new ArrayList<>();
        for (long from = 0; from < n || (n == 0 && from == 0); from += size) {
            out.add(Slice.apply(x, a, from, Math.min(n, from + size)));
        }
        return out;
    }

    /** Pieces of the given sizes along the axis, which must add up to its size. */
    static List<Tensor> split(Tensor x, long[] sizes, int axis) {
        int a = Shapes.axis("split", axis, x.shape.length);
        long total = 0;
        for (long s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("split: sizes must be >= 0, got "
                        + java.util.Arrays.toString(sizes));
            }
            total += s;
        }
        if (total != x.shape[a]) {
            throw new IllegalArgumentException("split: sizes " + java.util.Arrays.toString(sizes) + " add up to "
                    + total + " but axis " + axis + " of shape " + Shapes.str(x.shape) + " has size " + x.shape[a]);
        }
        List<Tensor> out = new ArrayList<>();
        long from = 0;
        for (long s : sizes) {
            out.add(Slice.apply(x, a, from, from + s));
            from += s;
        }
        return out;
    }

    /** PyTorch's {@code chunk}: pieces of {@code ceil(n / chunks)}, so there may be fewer than {@code chunks}. */
    static List<Tensor> chunk(Tensor x, int chunks, int axis) {
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk: number of chunks must be > 0, got " + chunks);
        }
        int n = x.shape[Shapes.axis("chunk", axis, x.shape.length)];
        return split(x, Math.max(1, (n + chunks - 1) / chunks), axis);
    }

    /** The entries at {@code indices} along an axis, as PyTorch's {@code index_select}: a gather of whole slices. */
    static Tensor indexSelect(Tensor x, int axis, long[] indices) {
        if (indices == null) {
            throw new IllegalArgumentException("indexSelect: indices must not be null");
        }
        int a = Shapes.axis("indexSelect", axis, x.shape.length);
        int n = x.shape[a];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= n) {
                throw new IllegalArgumentException("indexSelect: index " + indices[i] + " at position " + i
                        + " is out of range [0, " + n + ") for axis " + axis + " of shape " + Shapes.str(x.shape));
            }
        }
        int[] shape = Shapes.with(x.shape, a, indices.length);
        int inner = Shapes.inner(shape, a);
        int[] index = new int[Shapes.size(shape)];
        for (int i = 0; i < index.length; i++) {
            index[i] = (int) indices[(i / inner) % indices.length];
        }
        return Gather.apply(x, a, index, shape);
    }

    /** A 1-D tensor of whole numbers as positions, for the overloads that take indices as a tensor. */
    static long[] positions(String op, Tensor indices) {
        if (indices == null || indices.shape.length != 1) {
            throw new IllegalArgumentException(op + ": indices must be a 1-D tensor, got "
                    + (indices == null ? "null" : "shape " + Shapes.str(indices.shape)));
        }
        long[] out = new long[indices.length()];
        for (int i = 0; i < out.length; i++) {
            double v = indices.at(i);
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException(op + ": index " + v + " at position " + i
                        + " is not a whole number");
            }
            out[i] = (long) v;
        }
        return out;
    }

    static Tensor dot(Tensor x, Tensor y) {
        if (x.shape.length != 1 || y.shape.length != 1 || x.shape[0] != y.shape[0]) {
            throw new IllegalArgumentException("dot: expects two 1-D tensors of the same size, got "
                    + Shapes.str(x.shape) + " and " + Shapes.str(y.shape));
        }
        return x.mul(y).sum();
    }

    static Tensor outer(Tensor x, Tensor y) {
        if (x.shape.length != 1 || y.shape.length != 1) {
            throw new IllegalArgumentException("outer: expects two 1-D tensors, got " + Shapes.str(x.shape) + " and "
                    + Shapes.str(y.shape));
        }
        return x.unsqueeze(1).mul(y);
    }

    /**
     * NumPy's matmul for any ranks (1 or more): operands of rank 3 or less go to {@link MatMul} as they are; above,
     * the batch axes (all but the last two) broadcast, both operands are broadcast to them and flattened to one batch
     * axis for a batched product, and the result takes the batch shape back.
     */
    static Tensor matmul(Tensor x, Tensor y) {
        if (x.shape.length == 0 || y.shape.length == 0) {
            throw new IllegalArgumentException("matmul: operands must have rank 1 or more, got " + Shapes.str(x.shape)
                    + " @ " + Shapes.str(y.shape));
        }
        if (x.shape.length <= 3 && y.shape.length <= 3) {
            return MatMul.matmul(x, y);
        }
        Tensor a = x.shape.length == 1 ? x.unsqueeze(0) : x;
        Tensor b = y.shape.length == 1 ? y.unsqueeze(1) : y;
        int ra = a.shape.length;
        int rb = b.shape.length;
        int n = a.shape[ra - 2];
        int k = a.shape[ra - 1];
        int m = b.shape[rb - 1];
        if (k != b.shape[rb - 2]) {
            throw new IllegalArgumentException("matmul: inner dimensions differ: " + Shapes.str(x.shape) + " @ "
                    + Shapes.str(y.shape));
        }
        int[] batchA = java.util.Arrays.copyOf(a.shape, ra - 2);
        int[] batchB = java.util.Arrays.copyOf(b.shape, rb - 2);
        if (!broadcastable(batchA, batchB)) {
            throw new IllegalArgumentException("matmul: batch dimensions " + Shapes.str(batchA) + " and "
                    + Shapes.str(batchB) + " do not broadcast: " + Shapes.str(x.shape) + " @ " + Shapes.str(y.shape));
        }
        int[] batch = Broadcasting.shape("matmul", batchA, batchB);
        int count = Shapes.size(batch);
        Shapes.checkSize("matmul", append(batch, n, m), "result of shape");
        Tensor left = Reshape.apply(BroadcastTo.apply(a, append(batch, n, k)), new int[] {count, n, k});
        Tensor right = Reshape.apply(BroadcastTo.apply(b, append(batch, k, m)), new int[] {count, k, m});
        Tensor out = Reshape.apply(MatMul.matmul(left, right), append(batch, n, m));
        if (x.shape.length == 1) {
            out = out.squeeze(-2);
        }
        return y.shape.length == 1 ? out.squeeze(-1) : out;
    }

    private static boolean broadcastable(int[] p, int[] q) {
        for (int i = 1; i <= Math.min(p.length, q.length); i++) {
            int dp = p[p.length - i];
            int dq = q[q.length - i];
            if (dp != dq && dp != 1 && dq != 1) {
                return false;
            }
        }
        return true;
    }

    private static int[] append(int[] s, int p, int q) {
        int[] out = java.util.Arrays.copyOf(s, s.length + 2);
        out[s.length] = p;
        out[s.length + 1] = q;
        return out;
    }
}
