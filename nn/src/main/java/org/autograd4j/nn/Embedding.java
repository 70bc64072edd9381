package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * A lookup table, as PyTorch's {@code nn.Embedding}: row {@code i} of the weight (shape {@code [numEmbeddings,
 * embeddingDim]}, drawn from N(0, 1) as PyTorch does) is the vector of index {@code i}. An index tensor of any shape
 * gives an output of shape {@code indices.shape + [embeddingDim]}.
 *
 * <p>The indices come in an INT64 tensor, as in PyTorch, with values in {@code [0, numEmbeddings)}; they never receive
 * a gradient. For compatibility with code written before INT64 existed, a FLOAT64 or FLOAT32 tensor of whole numbers
 * is accepted too (and converted). The forward is {@link Tensor#indexSelect(int, Tensor)} on the weight over the
 * flattened indices, then a reshape, so gradients of every order come from those ops (a row used twice gets the sum
 * of both gradients).
 *
 * <p>With a padding index, as PyTorch's {@code padding_idx}: that row starts at zero and never gets a gradient (its
 * entries of the output are taken from the detached weight), so it stays whatever it was set to.
 *
 * <pre>{@code
 * Embedding words = new Embedding(1000, 16, OptionalInt.of(0), new Random(42));   // index 0 pads
 * Tensor v = words.forward(Tensor.of(new long[] {3, 0, 7, 7}, 2, 2));              // shape [2, 2, 16]
 * }</pre>
 */
public final class Embedding extends Module {
    private static final String OP = "Embedding";
    private final int numEmbeddings;
    private final int embeddingDim;
    private final OptionalInt paddingIdx;

    /**
     * A table without a padding index, drawn from a generator of {@link Seeds#newRandom()} (unseeded unless
     * {@link Seeds#set} was called).
     *
     * @param numEmbeddings the number of rows (indices {@code 0..numEmbeddings-1}), {@code > 0}
     * @param embeddingDim  the size of each vector, {@code > 0}
     * @throws IllegalArgumentException if a size is not positive
     */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, OptionalInt.empty(), Seeds.newRandom());
    }

    /**
     * A table with full control.
     *
     * @param numEmbeddings the number of rows, {@code > 0}
     * @param embeddingDim  the size of each vector, {@code > 0}
     * @param paddingIdx    the row that pads (zero at first, never a gradient), in {@code [-numEmbeddings,
     *                      numEmbeddings)}; negative counts from the end, as PyTorch; empty for none
     * @param rng           the generator the weight is drawn from
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public Embedding(int numEmbeddings, int embeddingDim, OptionalInt paddingIdx, Random rng) {
        if (numEmbeddings <= 0 || embeddingDim <= 0) {
            throw new IllegalArgumentException(OP + ": numEmbeddings and embeddingDim must be > 0, got numEmbeddings="
                    + numEmbeddings + ", embeddingDim=" + embeddingDim);
        }
        if (paddingIdx == null || rng == null) {
            throw new IllegalArgumentException(OP + ": paddingIdx and rng must not be null (use OptionalInt.empty())");
        }
        if (paddingIdx.isPresent() && (paddingIdx.getAsInt() < -numEmbeddings
                || paddingIdx.getAsInt() >= numEmbeddings)) {
            throw new IllegalArgumentException(OP + ": paddingIdx must be in [-" + numEmbeddings + ", "
                    + numEmbeddings + "), got " + paddingIdx.getAsInt());
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx.isPresent()
                ? OptionalInt.of(Math.floorMod(paddingIdx.getAsInt(), numEmbeddings)) : OptionalInt.empty();
        double[] w = Tensor.randn(rng, numEmbeddings, embeddingDim).toDoubleArray();
        if (this.paddingIdx.isPresent()) {
            Arrays.fill(w, this.paddingIdx.getAsInt() * embeddingDim, (this.paddingIdx.getAsInt() + 1) * embeddingDim,
                    0.0);
        }
        registerParameter("weight", Tensor.of(w, numEmbeddings, embeddingDim));
    }

    /**
     * The number of rows.
     *
     * @return the row count, at least 1
     */
    public int numEmbeddings() {
        return numEmbeddings;
    }

    /**
     * The size of each vector.
     *
     * @return the vector size, at least 1
     */
    public int embeddingDim() {
        return embeddingDim;
    }

    /**
     * The padding row (in {@code [0, numEmbeddings)}, a negative one given to the constructor counted), or empty.
     *
     * @return the row index, or empty if there is none
     */
    public OptionalInt paddingIdx() {
        return paddingIdx;
    }

    /**
     * The table, shape {@code [numEmbeddings, embeddingDim]}.
     *
     * @return the weight parameter itself (not a copy)
     */
    public Tensor weight() {
        return parameter("weight");
    }

    /**
     * Looks up the vector of each index.
     *
     * @param indices any shape (0-d included), INT64 (or, for compatibility, FLOAT64 or FLOAT32 whole numbers), in
     *                {@code [0, numEmbeddings)}
     * @return shape {@code indices.shape + [embeddingDim]}, the weight's dtype
     * @throws IllegalArgumentException naming the first value that is not such an index and its position
     */
    @Override
    public Tensor forward(Tensor indices) {
        long[] idx = positions(Checks.input(OP, indices));
        Tensor w = parameter("weight");
        Tensor flat = indices.dtype() == DType.INT64 ? indices.reshape(idx.length) : Tensor.of(idx);
        Tensor rows = w.indexSelect(0, flat);
        if (paddingIdx.isPresent()) {
            rows = padded(w, rows, idx, paddingIdx.getAsInt());
        }
        long[] shape = Arrays.copyOf(indices.shape(), indices.rank() + 1);
        shape[shape.length - 1] = embeddingDim;
        return rows.reshape(shape);
    }

    /**
     * The rows with those at the padding index taken from the detached weight, so that row gets no gradient (of any
     * order) while every output value stays the weight's, bit for bit: no arithmetic, only a selection.
     */
    private static Tensor padded(Tensor w, Tensor rows, long[] idx, int pad) {
        int n = idx.length;
        long[] from = new long[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            any |= idx[i] == pad;
            from[i] = idx[i] == pad ? n : i;
        }
        if (!any) {
            return rows;
        }
        List<Tensor> parts = new ArrayList<>(List.of(rows, w.detach().indexSelect(0, new long[] {pad})));
        return Tensor.concat(parts, 0).indexSelect(0, from);
    }

    private long[] positions(Tensor indices) {
        double[] v = indices.toDoubleArray();   // INT64 values are whole numbers already; the range is checked here
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] == Math.rint(v[i]) && v[i] >= 0 && v[i] < numEmbeddings)) {
                throw new IllegalArgumentException(OP + ": index " + v[i] + " at position "
                        + Arrays.toString(position(i, indices.shape())) + " of input of shape "
                        + Checks.shape(indices) + " is not a whole number in [0, " + numEmbeddings + ")");
            }
            out[i] = (long) v[i];
        }
        return out;
    }

    /** The multi-axis position of row-major offset {@code i} in {@code shape}. */
    private static long[] position(long i, long[] shape) {
        long[] p = new long[shape.length];
        for (int a = shape.length - 1; a >= 0; a--) {
            p[a] = i % shape[a];
            i /= shape[a];
        }
        return p;
    }

    /** {@code Embedding{embeddingDim, numEmbeddings, paddingIdx}} ({@code paddingIdx} "none" when absent). */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of(OP, Map.of("numEmbeddings", Integer.toString(numEmbeddings),
                "embeddingDim", Integer.toString(embeddingDim),
                "paddingIdx", paddingIdx.isPresent() ? Integer.toString(paddingIdx.getAsInt()) : "none"));
    }

    /** Rebuilds the layer {@link #describe()} described (fresh weights from a fixed seed; loading sets the saved). */
    static Embedding of(ModuleSpec s) {
        String p = s.string("paddingIdx");
        return new Embedding(s.integer("numEmbeddings"), s.integer("embeddingDim"),
                p.equals("none") ? OptionalInt.empty() : OptionalInt.of(s.integer("paddingIdx")), new Random(0));
    }
}
