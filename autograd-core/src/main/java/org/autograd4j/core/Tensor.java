package org.autograd4j.core;

import java.util.List;
import java.util.Random;

/**
 * An n-dimensional array that records the operations producing it, so that {@link #backward()} can compute gradients.
 *
 * <p>The API follows PyTorch: elementwise ops broadcast as in NumPy, scalars are 0-d tensors, and a leaf created with
 * {@code requiresGrad(true)} accumulates its gradient in {@link #grad()}.
 *
 * <pre>{@code
 * Tensor w = Tensor.of(new double[] {0.5, -1.0}, 2, 1).requiresGrad(true);
 * Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}});
 * Tensor loss = x.matmul(w).relu().sum();
 * loss.backward();
 * w.grad();   // shape [2, 1]
 * }</pre>
 *
 * <p>Tensors are immutable: every op returns a new tensor (a reshape may share its input's storage). The one exception
 * is the low-level {@link #array()} (or {@link #floatArray()}) used by optimizers to update parameters in place.
 * Every storage has a version counter, shared by the views over it, that such a write bumps; a backward pass refuses
 * to use a tensor that was written after an op saved it, as PyTorch does (see {@link #version()}).
 * Axis arguments may be negative and count from the end, as in NumPy; a 0-d tensor takes axis 0 or -1, as in PyTorch.
 *
 * <p>Indices and labels have an integer type, INT64 ({@link #of(long[], long...)}, {@link #argmax}), which never
 * requires a gradient. On INT64 tensors, {@code + - *}, comparisons, max/min, sums and layout ops stay INT64; division
 * and the functions with no integer meaning ({@code exp}, {@code log}, {@code sigmoid}, {@code softmax}...) return
 * FLOAT64; {@code mean}, {@code var}, {@code std}, {@code norm} and matrix products refuse INT64, as PyTorch's mean
 * does (see {@link DType}, "INT64 note").
 *
 * <p>This class is a facade: each method delegates to one op class that holds the forward and the backward together.
 * It is the one file over 400 lines in the engine, by design: it is the whole public surface, one short method with
 * its javadoc per operation, plus the two storage arrays and their accessors that every op reads; splitting it would
 * only scatter the API.
 */
public final class Tensor {
    /** FLOAT64 or INT64 values (whole numbers, see {@link DType}), row-major and contiguous; null for FLOAT32. */
    final double[] data;
    /**
     * FLOAT32 values, row-major and contiguous; null for a FLOAT64 tensor. Why a second array rather than one storage
     * type: float32 halves the memory traffic of large tensors and lets matrix products hand their operands to sgemm
     * with a plain copy; the ops that matter for training have float loops, the others compute through
     * {@link #values()} in double and round once (see {@link DType}).
     */
    final float[] fdata;
    final int[] shape;
    final DType dtype;
    /** This storage's writes, shared with every view over it (see {@link VersionCounter}, "version counters"). */
    final VersionCounter version;
    /** The op that produced this tensor, or null for a leaf. */
    Node node;
    boolean requiresGrad;
    private Tensor grad;
    /** This tensor's gradient hooks ({@link #registerHook}); null until one is registered. */
    GradHooks hooks;

    /**
     * A tensor over freshly computed values, rounded into a float array if {@code dtype} is FLOAT32. For INT64 the
     * values are checked to be whole and within ±2^53 (see {@link DType}, "INT64 note"): an op that produced anything
     * else would otherwise round silently.
     */
    Tensor(double[] values, int[] shape, DType dtype) {
        if (dtype == DType.INT64) {
            DType.checkWhole("INT64 result", values);
        }
        this.data = dtype == DType.FLOAT32 ? null : values;
        this.fdata = dtype == DType.FLOAT32 ? Kernels.narrow(values) : null;
        this.shape = shape;
        this.dtype = dtype;
        this.version = new VersionCounter();
        Capture c = Capture.current();
        if (c != null) {
            c.created(storage());
        }
    }

    /** A FLOAT32 tensor over {@code values}. Takes ownership. */
    Tensor(float[] values, int[] shape) {
        this.data = null;
        this.fdata = values;
        this.shape = shape;
        this.dtype = DType.FLOAT32;
        this.version = new VersionCounter();
        Capture c = Capture.current();
        if (c != null) {
            c.created(values);
        }
    }

    /** A tensor over the same storage as {@code other}, with another shape (reshapes and detach). */
    private Tensor(Tensor other, int[] shape) {
        this.data = other.data;
        this.fdata = other.fdata;
        this.shape = shape;
        this.dtype = other.dtype;
        this.version = other.version;
    }

    /** The same storage under another shape of the same size (unchecked: callers check). */
    Tensor view(int[] newShape) {
        return new Tensor(this, newShape);
    }

    /** The number of elements. */
    int length() {
        return data != null ? data.length : fdata.length;
    }

    /**
     * The values as doubles, for reading only: the backing array of a FLOAT64 tensor, a widened copy of a FLOAT32
     * one. Ops without a float loop of their own compute through this.
     */
    double[] values() {
        return data != null ? data : Kernels.widen(fdata);
    }

    /** The element at flat index i. */
    double at(int i) {
        return data != null ? data[i] : fdata[i];
    }

    /** A new zeroed storage array of the type that holds {@code dtype}. */
    static Object alloc(DType dtype, int n) {
        return dtype == DType.FLOAT32 ? new float[n] : new double[n];
    }

    /** A tensor of {@code dtype} over a storage array from {@link #alloc} or {@link #storage()}. Takes ownership. */
    static Tensor over(Object storage, int[] shape, DType dtype) {
        return storage instanceof float[] f ? new Tensor(f, shape) : new Tensor((double[]) storage, shape, dtype);
    }

    /**
     * This tensor, or a FLOAT64 copy of an INT64 one: the functions with no integer meaning compute on integers in the
     * default floating type, as PyTorch's {@code torch.exp(int64)} does (see {@link DType}, "INT64 note").
     */
    Tensor floating() {
        return dtype == DType.INT64 ? new Tensor(data.clone(), shape, DType.FLOAT64) : this;
    }

    /** Refuses an INT64 operand of a matrix product: we have no integer product (PyTorch has one on the CPU). */
    static Tensor noInt64(String op, Tensor x) {
        if (x != null && x.dtype == DType.INT64) {
            throw new IllegalArgumentException(op + ": an operand of shape " + Shapes.str(x.shape) + " is INT64;"
                    + " matrix products take FLOAT32 or FLOAT64: convert it with to(DType.FLOAT64)");
        }
        return x;
    }

    /** Refuses an INT64 tensor where PyTorch does too (mean, var, std, norm: no integer result type). */
    Tensor floatingOnly(String op) {
        if (dtype == DType.INT64) {
            throw new IllegalArgumentException(op + ": input is INT64 (shape " + Shapes.str(shape) + "); as in PyTorch,"
                    + " it needs a floating point input: convert it with to(DType.FLOAT64)");
        }
        return this;
    }

    /** The backing array, whichever type: copy ops move values with {@code System.arraycopy}, which takes both. */
    Object storage() {
        return data != null ? data : fdata;
    }

    // ---------------------------------------------------------------- creation

    /**
     * A FLOAT64 tensor over a copy of {@code data}, read in row-major order.
     *
     * @param data the values in row-major order; copied
     * @param shape the dimensions; none gives a 1-D tensor of {@code data.length}
     * @return a new FLOAT64 leaf tensor that does not require a gradient
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static Tensor of(double[] data, long... shape) {
        return of("of", data.clone(), shape, DType.FLOAT64);
    }

    /**
     * A FLOAT32 tensor over a copy of {@code data}; see {@link #of(double[], long...)}.
     *
     * @param data the values in row-major order; copied
     * @param shape the dimensions; none gives a 1-D tensor of {@code data.length}
     * @return a new FLOAT32 leaf tensor that does not require a gradient
     */
    public static Tensor of(float[] data, long... shape) {
        int[] s = shape.length == 0 ? new int[] {data.length} : Shapes.fromLong("of", shape);
        checkCount("of", s, data.length);
        return new Tensor(data.clone(), s);
    }

    /**
     * An INT64 tensor over {@code data}, for indices and class labels, as {@code torch.tensor([...])} of Python ints.
     *
     * <pre>{@code
     * Tensor labels = Tensor.of(new long[] {2, 0, 1});                 // shape [3], INT64
     * Tensor loss = Losses.crossEntropy(logits, labels);               // class indices, by dtype
     * }</pre>
     *
     * @param data the values in row-major order, each within ±2^53 (see {@link DType}, "INT64 note"); copied
     * @param shape the dimensions; none gives a 1-D tensor of {@code data.length}
     * @return a new INT64 leaf tensor, which can never require a gradient
     * @throws IllegalArgumentException if a value is beyond ±2^53 (naming it and its position), or the shape does not
     *         hold exactly {@code data.length} elements
     */
    public static Tensor of(long[] data, long... shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            if (Math.abs(data[i]) > (long) DType.MAX_EXACT) {
                throw new IllegalArgumentException("of: value " + data[i] + " at position " + i + " is beyond"
                        + " ±2^53 (9007199254740992), the range INT64 tensors hold exactly");
            }
            d[i] = data[i];
        }
        return of("of", d, shape, DType.INT64);
    }

    /**
     * An INT64 tensor over {@code data} (Java {@code int} labels and indices); see {@link #of(long[], long...)}.
     *
     * @param data the values in row-major order; copied
     * @param shape the dimensions; none gives a 1-D tensor of {@code data.length}
     * @return a new INT64 leaf tensor, which can never require a gradient
     * @throws IllegalArgumentException if the shape does not hold exactly {@code data.length} elements
     */
    public static Tensor of(int[] data, long... shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return of("of", d, shape, DType.INT64);
    }

    /**
     * A 2-D FLOAT64 tensor, one row per array; every row must have the same length.
     *
     * @param rows the rows, all of the same length; copied
     * @return a new FLOAT64 tensor of shape {@code [rows.length, rows[0].length]} ({@code [0, 0]} for no rows)
     */
    public static Tensor of(double[][] rows) {
        int n = rows.length;
        int m = n == 0 ? 0 : rows[0].length;
        double[] d = new double[n * m];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != m) {
                throw new IllegalArgumentException("of: row " + i + " has " + rows[i].length
                        + " elements but row 0 has " + m);
            }
            System.arraycopy(rows[i], 0, d, i * m, m);
        }
        return new Tensor(d, new int[] {n, m}, DType.FLOAT64);
    }

    private static Tensor of(String op, double[] data, long[] shape, DType dtype) {
        int[] s = shape.length == 0 ? new int[] {data.length} : Shapes.fromLong(op, shape);
        checkCount(op, s, data.length);
        return new Tensor(data, s, dtype);
    }

    private static void checkCount(String op, int[] s, int count) {
        if (Shapes.size(s) != count) {
            throw new IllegalArgumentException(op + ": shape " + Shapes.str(s) + " holds " + Shapes.size(s)
                    + " elements but " + count + " values were given");
        }
    }

    /**
     * A 0-d FLOAT64 tensor.
     *
     * @param value the element
     * @return a new 0-d FLOAT64 leaf tensor
     */
    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, Shapes.SCALAR, DType.FLOAT64);
    }

    /**
     * A 0-d tensor of the given type.
     *
     * @param value the element, rounded to float for FLOAT32; for INT64 a whole number within ±2^53
     * @param dtype the element type, not null
     * @return a new 0-d leaf tensor of {@code dtype}
     * @throws IllegalArgumentException for an INT64 value that is not a whole number within ±2^53
     */
    public static Tensor scalar(double value, DType dtype) {
        double[] d = {value};
        if (checkType("scalar", dtype) == DType.INT64) {
            DType.checkWhole("scalar", d);
        }
        return new Tensor(d, Shapes.SCALAR, dtype);
    }

    /**
     * A FLOAT64 tensor of zeros.
     *
     * @param shape the dimensions, each at least 0; none gives a 0-d tensor
     * @return a new FLOAT64 leaf tensor of {@code shape}
     */
    public static Tensor zeros(long... shape) {
        return filled("zeros", 0.0, DType.FLOAT64, shape);
    }

    /**
     * A FLOAT64 tensor of ones.
     *
     * @param shape the dimensions, each at least 0; none gives a 0-d tensor
     * @return a new FLOAT64 leaf tensor of {@code shape}
     */
    public static Tensor ones(long... shape) {
        return filled("ones", 1.0, DType.FLOAT64, shape);
    }

    /**
     * A FLOAT64 tensor filled with {@code value}.
     *
     * @param value every element's value
     * @param shape the dimensions, each at least 0; none gives a 0-d tensor
     * @return a new FLOAT64 leaf tensor of {@code shape}
     */
    public static Tensor full(double value, long... shape) {
        return filled("full", value, DType.FLOAT64, shape);
    }

    /**
     * A tensor of the given type filled with {@code value}.
     *
     * @param value every element's value, rounded to float for FLOAT32; for INT64 a whole number within ±2^53
     * @param dtype the element type, not null
     * @param shape the dimensions, each at least 0; none gives a 0-d tensor
     * @return a new leaf tensor of {@code shape} and {@code dtype}
     * @throws IllegalArgumentException for an INT64 value that is not a whole number within ±2^53
     */
    public static Tensor full(double value, DType dtype, long... shape) {
        return filled("full", value, checkType("full", dtype), shape);
    }

    private static Tensor filled(String op, double value, DType dtype, long[] shape) {
        int[] s = Shapes.fromLong(op, shape);
        if (dtype == DType.INT64) {
            DType.checkWhole(op, new double[] {value});
        }
        double[] d = new double[Shapes.size(s)];
        java.util.Arrays.fill(d, value);
        return new Tensor(d, s, dtype);
    }

    static DType checkType(String op, DType dtype) {
        if (dtype == null) {
            throw new IllegalArgumentException(op + ": dtype must not be null");
        }
        return dtype;
    }

    /**
     * The 1-D FLOAT64 tensor {@code [0, 1, ..., n-1]}.
     *
     * @param n the number of elements, at least 0
     * @return a new 1-D FLOAT64 tensor of shape {@code [n]}
     */
    public static Tensor arange(long n) {
        double[] d = new double[Shapes.fromLong("arange", new long[] {n})[0]];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return new Tensor(d, new int[] {d.length}, DType.FLOAT64);
    }

    /**
     * The 1-D tensor {@code [0, 1, ..., n-1]} of the given type; {@code arange(n, DType.INT64)} is PyTorch's
     * {@code torch.arange(n)}, positions to index with.
     *
     * @param n the number of elements, at least 0 (for INT64, at most 2^53)
     * @param dtype the element type, not null
     * @return a new 1-D tensor of shape {@code [n]} and {@code dtype}
     */
    public static Tensor arange(long n, DType dtype) {
        Tensor t = arange(n);
        return checkType("arange", dtype) == DType.FLOAT64 ? t : new Tensor(t.data, t.shape, dtype);
    }

    /**
     * The {@code n×n} FLOAT64 identity matrix.
     *
     * @param n the number of rows and columns, at least 0
     * @return a new FLOAT64 tensor of shape {@code [n, n]}
     */
    public static Tensor eye(long n) {
        int[] s = Shapes.fromLong("eye", new long[] {n, n});
        double[] d = new double[s[0] * s[0]];
        for (int i = 0; i < s[0]; i++) {
            d[i * s[0] + i] = 1.0;
        }
        return new Tensor(d, s, DType.FLOAT64);
    }

    /**
     * FLOAT64 values uniform in [0, 1), reproducible given the state of {@code rng}.
     *
     * @param rng the source of randomness, advanced by one draw per element
     * @param shape the dimensions, each at least 0; none gives a 0-d tensor
     * @return a new FLOAT64 leaf tensor of {@code shape}
     */
    public static Tensor rand(Random rng, long... shape) {
        int[] s = Shapes.fromLong("rand", shape);
        double[] d = new double[Shapes.size(s)];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble();
        }
        return new Tensor(d, s, DType.FLOAT64);
    }

    /**
     * FLOAT64 values from the standard normal distribution, reproducible given the state of {@code rng}.
     *
     * @param rng the source of randomness, advanced by one draw per element
     * @param shape the dimensions, each at least 0; none gives a 0-d tensor
     * @return a new FLOAT64 leaf tensor of {@code shape}
     */
    public static Tensor randn(Random rng, long... shape) {
        int[] s = Shapes.fromLong("randn", shape);
        double[] d = new double[Shapes.size(s)];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian();
        }
        return new Tensor(d, s, DType.FLOAT64);
    }

    // ---------------------------------------------------------------- autograd state

    /**
     * Marks a leaf as needing a gradient (or not). Returns this tensor, so it chains after creation.
     *
     * @param requiresGrad whether backward should compute this leaf's gradient
     * @return this tensor
     * @throws IllegalStateException on a tensor produced by an op: detach it first
     * @throws IllegalArgumentException when asking an INT64 tensor to require a gradient (as PyTorch refuses)
     */
    public Tensor requiresGrad(boolean requiresGrad) {
        if (requiresGrad && dtype == DType.INT64) {
            throw new IllegalArgumentException("requiresGrad: only Tensors of floating point dtype can require"
                    + " gradients; this one is INT64 (shape " + Shapes.str(shape) + "); convert it with"
                    + " to(DType.FLOAT64) first");
        }
        if (node != null) {
            throw new IllegalStateException("requiresGrad: only leaf tensors can be changed; this one was produced by "
                    + node.name() + " (use detach() to get a leaf)");
        }
        this.requiresGrad = requiresGrad;
        return this;
    }

    /**
     * Whether gradients flow to or through this tensor.
     *
     * @return whether backward computes a gradient for or through this tensor
     */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Whether this tensor was created by the user rather than by a recorded op.
     *
     * @return true if no recorded op produced this tensor
     */
    public boolean isLeaf() {
        return node == null;
    }

    /**
     * The gradient accumulated by {@link #backward()} calls, of this tensor's shape and dtype; null if none yet.
     *
     * @return the accumulated gradient, or null
     */
    public Tensor grad() {
        if (Capture.current() != null) {
            throw new CaptureException("the step read a gradient (grad()) while being captured; a replay may leave"
                    + " another tensor there: read gradients after run()");
        }
        return grad;
    }

    /** Forgets the accumulated gradient (sets it to null, as PyTorch's {@code zero_grad} does by default). */
    public void zeroGrad() {
        Capture c = Capture.current();
        if (c != null) {
            c.leafGrad(this);
            c.recordEffect("zeroGrad", () -> grad = null);
        }
        grad = null;
    }

    /** The gradient field as it is, for the engine (the public {@link #grad()} is refused while capturing). */
    Tensor currentGrad() {
        return grad;
    }

    /** Puts back the gradient a refused capture found (see {@link Capture#rollBack}). */
    void restoreGrad(Tensor g) {
        grad = g;
    }

    /**
     * Sets the gradient directly (for optimizers and gradient clipping); null clears it. The tensor is kept, not
     * copied: {@link #grad()} then shares its storage and its version counter, so a write through
     * {@code grad().array()} counts as a write to {@code grad} too.
     *
     * @param grad a tensor of this tensor's shape and dtype, or null
     * @throws IllegalArgumentException if the shape or the dtype differs (as in PyTorch)
     */
    public void setGrad(Tensor grad) {
        if (grad != null && !java.util.Arrays.equals(grad.shape, shape)) {
            throw new IllegalArgumentException("setGrad: gradient has shape " + Shapes.str(grad.shape)
                    + " but the tensor has shape " + Shapes.str(shape));
        }
        if (grad != null && grad.dtype != dtype) {
            throw new IllegalArgumentException("setGrad: gradient is " + grad.dtype + " but the tensor is " + dtype
                    + "; convert it with to(DType." + dtype + ")");
        }
        Capture c = Capture.current();
        if (c != null) {
            c.leafGrad(this);
            if (grad == null) {
                c.recordEffect("setGrad", () -> this.grad = null);
            } else {
                c.recordEffect("setGrad", () -> this.grad = grad, grad);
            }
        }
        this.grad = grad;
    }

    /**
     * Registers a hook that the backward walk calls with this tensor's gradient once it is complete, to inspect it or
     * replace it (return a tensor of this shape; null keeps it), as PyTorch's {@code register_hook}. On a leaf it runs
     * before the gradient is added to {@link #grad()}; on an op's output, before the gradient flows on to the inputs.
     * Hooks run in registration order, each seeing the previous one's result.
     *
     * <pre>{@code
     * HookHandle h = w.registerHook(g -> g.clamp(-1, 1));   // clip this gradient
     * h.remove();
     * }</pre>
     *
     * @param hook takes the gradient and returns it, a replacement, or null
     * @return a handle whose {@code remove()} takes the hook out
     * @throws IllegalStateException if this tensor does not require a gradient
     */
    public HookHandle registerHook(java.util.function.UnaryOperator<Tensor> hook) {
        if (!requiresGrad) {
            throw new IllegalStateException("registerHook: cannot register a hook on a tensor that does not require"
                    + " a gradient (shape " + Shapes.str(shape) + ")");
        }
        if (hooks == null) {
            hooks = new GradHooks();
        }
        return hooks.add(java.util.Objects.requireNonNull(hook, "registerHook: hook"));
    }

    void accumulateGrad(Tensor g) {
        Capture c = Capture.current();
        if (c != null) {
            // recorded as one effect that decides at each replay, as eager code would: the caller may or may not have
            // cleared the gradient between runs
            c.leafGrad(this);
            c.recordEffect("accumulateGrad", () -> addGrad(g), g);
            // a gradient not cleared since the last run is the program's own buffer, which the replay is about to
            // overwrite: it keeps its values in a copy first, to be added to as eagerly
            c.beforeReplay(() -> {
                if (grad != null && grad.storage() == g.storage()) {
                    grad = grad.fdata != null ? new Tensor(grad.fdata.clone(), shape)
                            : new Tensor(grad.data.clone(), shape, dtype);
                }
            });
            addGradWhileCapturing(g);
            return;
        }
        addGrad(g);
    }

    private void addGrad(Tensor g) {
        grad = grad == null ? g : grad.add(g);
    }

    /** {@link #addGrad} during a capture: the sum is eager work of this run, not an instruction of the program. */
    private void addGradWhileCapturing(Tensor g) {
        if (grad == null) {
            grad = g;
            return;
        }
        grad = Capture.outside(() -> grad.add(g));
    }

    /**
     * A leaf sharing this tensor's values, cut off from the graph.
     *
     * @return a new leaf of this shape and dtype over the same storage (and version counter), not requiring a
     *         gradient
     */
    public Tensor detach() {
        return view(shape);
    }

    /**
     * Computes the gradient of this scalar with respect to every leaf that requires one, adding it to their
     * {@link #grad()}, and releases the graph.
     *
     * @throws IllegalStateException if this tensor has more than one element, or its graph was already released
     */
    public void backward() {
        backward(null, false);
    }

    /**
     * Backpropagates {@code gradient} (the gradient of some scalar with respect to this tensor, of its shape) and
     * releases the graph.
     *
     * @param gradient the upstream gradient, of this tensor's shape; null only for a one-element tensor
     */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /**
     * Backpropagates {@code gradient} (null for a scalar); with {@code retainGraph} the graph can be backpropagated
     * through again.
     *
     * @param gradient the upstream gradient, of this tensor's shape; null only for a one-element tensor
     * @param retainGraph whether to keep the graph for another backward pass
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        Backprop.intoLeaves("backward", this, gradient, retainGraph, false);
    }

    /**
     * As {@link #backward(Tensor, boolean)}; with {@code createGraph} the accumulated gradients are themselves
     * differentiable (the graph is then kept).
     *
     * @param gradient the upstream gradient, of this tensor's shape; null only for a one-element tensor
     * @param retainGraph whether to keep the graph for another backward pass (implied by {@code createGraph})
     * @param createGraph whether to record the backward pass itself, for higher-order gradients
     */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        Backprop.intoLeaves("backward", this, gradient, retainGraph || createGraph, createGraph);
    }

    // ---------------------------------------------------------------- elementwise arithmetic

    /**
     * {@code this + y}, broadcasting.
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return a new tensor of the broadcast shape, in the promoted dtype (see {@link DType})
     */
    public Tensor add(Tensor y) {
        return Add.apply(this, y);
    }

    /**
     * {@code this + c}.
     *
     * @param c the scalar operand, applied in this tensor's dtype
     * @return a new tensor of this shape and dtype
     */
    public Tensor add(double c) {
        return Add.apply(this, constant(c));
    }

    /**
     * {@code this - y}, broadcasting.
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return a new tensor of the broadcast shape, in the promoted dtype (see {@link DType})
     */
    public Tensor sub(Tensor y) {
        return Sub.apply(this, y);
    }

    /**
     * {@code this - c}.
     *
     * @param c the scalar operand, applied in this tensor's dtype
     * @return a new tensor of this shape and dtype
     */
    public Tensor sub(double c) {
        return Add.apply(this, constant(-c));
    }

    /**
     * {@code this * y} elementwise, broadcasting.
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return a new tensor of the broadcast shape, in the promoted dtype (see {@link DType})
     */
    public Tensor mul(Tensor y) {
        return Mul.apply(this, y);
    }

    /**
     * {@code this * c}.
     *
     * @param c the scalar operand, applied in this tensor's dtype
     * @return a new tensor of this shape and dtype
     */
    public Tensor mul(double c) {
        return Mul.apply(this, constant(c));
    }

    /**
     * {@code this / y} elementwise, broadcasting.
     *
     * @param y the divisor; its shape must broadcast with this tensor's
     * @return a new tensor of the broadcast shape, in the promoted dtype (see {@link DType})
     */
    public Tensor div(Tensor y) {
        return Div.apply(this, y);
    }

    /**
     * {@code this / c}.
     *
     * @param c the divisor; 0 gives ±inf or NaN, as in IEEE arithmetic
     * @return a new tensor of this shape and dtype
     */
    public Tensor div(double c) {
        return Div.apply(this, constant(c));
    }

    /**
     * {@code -this}.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor neg() {
        return Neg.apply(this);
    }

    /**
     * {@code this ^ p} elementwise.
     *
     * @param p the exponent, any real; a fractional one gives NaN for negative elements
     * @return a new tensor of this shape and dtype
     */
    public Tensor pow(double p) {
        return Pow.apply(dtype == DType.INT64 && !(p >= 0 && p == Math.rint(p)) ? floating() : this, p);
    }

    /**
     * {@code this * this}.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor square() {
        return Pow.apply(this, 2.0);
    }

    /**
     * The larger of the two, elementwise, broadcasting; ties split the gradient equally, as in PyTorch.
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return a new tensor of the broadcast shape, in the promoted dtype (see {@link DType})
     */
    public Tensor maximum(Tensor y) {
        return Maximum.apply(this, y, false);
    }

    /**
     * The smaller of the two, elementwise, broadcasting; ties split the gradient equally, as in PyTorch.
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return a new tensor of the broadcast shape, in the promoted dtype (see {@link DType})
     */
    public Tensor minimum(Tensor y) {
        return Maximum.apply(this, y, true);
    }

    /**
     * Where {@code mask} is non-zero this tensor's value, elsewhere {@code other}'s; all three broadcast.
     *
     * @param mask selects this tensor where non-zero; no gradient flows to it
     * @param other the values taken where the mask is 0
     * @return a new tensor of the shape all three broadcast to, in the promoted dtype (see {@link DType})
     */
    public Tensor where(Tensor mask, Tensor other) {
        return Where.apply(mask, this, other);
    }

    /**
     * Where {@code mask} is non-zero {@code x}, elsewhere {@code y}; all three broadcast.
     *
     * @param mask selects {@code x} where non-zero; no gradient flows to it
     * @param x the values taken where the mask is non-zero
     * @param y the values taken where the mask is 0
     * @return a new tensor of the shape all three broadcast to, in the promoted dtype (see {@link DType})
     */
    public static Tensor where(Tensor mask, Tensor x, Tensor y) {
        return Where.apply(mask, x, y);
    }

    /** A value written into this tensor, of its dtype: refused for INT64 unless whole, never rounded. */
    private Tensor filler(String op, double value) {
        double[] v = {value};
        if (dtype == DType.INT64) {
            DType.checkWhole(op, v);
        }
        return new Tensor(v, Shapes.SCALAR, dtype);
    }

    /** A Java {@code double} operand: of this dtype, but FLOAT64 beside INT64 when not whole (a Python float). */
    private Tensor constant(double c) {
        boolean fraction = dtype == DType.INT64 && (c != Math.rint(c) || Math.abs(c) > DType.MAX_EXACT);
        return Capture.constant(new Tensor(new double[] {c}, Shapes.SCALAR, fraction ? DType.FLOAT64 : dtype));
    }

    // ---------------------------------------------------------------- elementwise functions

    /**
     * e to the power of each element.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor exp() {
        return Exp.apply(floating());
    }

    /**
     * Natural logarithm; NaN below 0 and -inf at 0, as in IEEE arithmetic.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor log() {
        return Log.apply(floating());
    }

    /**
     * Square root.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor sqrt() {
        return Sqrt.apply(floating());
    }

    /**
     * Absolute value; its gradient at 0 is 0.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor abs() {
        return Abs.apply(this);
    }

    /**
     * Hyperbolic tangent.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor tanh() {
        return Tanh.apply(floating());
    }

    /**
     * The logistic function {@code 1 / (1 + e^-x)}, stable for large |x|.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor sigmoid() {
        return Sigmoid.apply(floating());
    }

    /**
     * {@code max(x, 0)}; its gradient at 0 is 0.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor relu() {
        return Relu.apply(this);
    }

    /**
     * {@code x} for {@code x > 0}, {@code slope * x} otherwise.
     *
     * @param slope the factor for non-positive inputs, usually small (PyTorch's default is 0.01)
     * @return a new tensor of this shape and dtype
     */
    public Tensor leakyRelu(double slope) {
        return LeakyRelu.apply(floating(), slope);
    }

    /**
     * {@code log(1 + e^x)}, computed stably for large |x|.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor softplus() {
        return Softplus.apply(floating());
    }

    /**
     * The error function {@code 2/√π ∫₀ˣ e^{-t²} dt}, to double precision (exact GELU is built on it).
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor erf() {
        return Erf.apply(floating());
    }

    /**
     * Each value limited to {@code [lo, hi]}; the gradient passes where {@code lo <= x <= hi}.
     *
     * @param lo the lower bound; {@code Double.NEGATIVE_INFINITY} for none
     * @param hi the upper bound; {@code Double.POSITIVE_INFINITY} for none
     * @return a new tensor of this shape and dtype
     */
    public Tensor clamp(double lo, double hi) {
        boolean whole = (lo == Math.rint(lo) || Double.isInfinite(lo))
                && (hi == Math.rint(hi) || Double.isInfinite(hi));
        return Clamp.apply(dtype == DType.INT64 && !whole ? floating() : this, lo, hi);
    }

    // ---------------------------------------------------------------- comparisons (no gradient)

    /**
     * 1 where {@code this > y}, else 0 (broadcasting); never requires a gradient.
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return 0s and 1s of the broadcast shape, FLOAT64 if either operand is; never requires a gradient
     */
    public Tensor gt(Tensor y) {
        return Compare.apply("gt", this, y, (a, b) -> a > b ? 1 : 0);
    }

    /**
     * 1 where {@code this > c}, else 0.
     *
     * @param c the threshold
     * @return 0s and 1s of this shape and dtype; never requires a gradient
     */
    public Tensor gt(double c) {
        return gt(constant(c));
    }

    /**
     * 1 where {@code this >= y}, else 0 (broadcasting).
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return 0s and 1s of the broadcast shape, FLOAT64 if either operand is; never requires a gradient
     */
    public Tensor ge(Tensor y) {
        return Compare.apply("ge", this, y, (a, b) -> a >= b ? 1 : 0);
    }

    /**
     * 1 where {@code this >= c}, else 0.
     *
     * @param c the threshold
     * @return 0s and 1s of this shape and dtype; never requires a gradient
     */
    public Tensor ge(double c) {
        return ge(constant(c));
    }

    /**
     * 1 where {@code this < y}, else 0 (broadcasting).
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return 0s and 1s of the broadcast shape, FLOAT64 if either operand is; never requires a gradient
     */
    public Tensor lt(Tensor y) {
        return Compare.apply("lt", this, y, (a, b) -> a < b ? 1 : 0);
    }

    /**
     * 1 where {@code this < c}, else 0.
     *
     * @param c the threshold
     * @return 0s and 1s of this shape and dtype; never requires a gradient
     */
    public Tensor lt(double c) {
        return lt(constant(c));
    }

    /**
     * 1 where {@code this <= y}, else 0 (broadcasting).
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return 0s and 1s of the broadcast shape, FLOAT64 if either operand is; never requires a gradient
     */
    public Tensor le(Tensor y) {
        return Compare.apply("le", this, y, (a, b) -> a <= b ? 1 : 0);
    }

    /**
     * 1 where {@code this <= c}, else 0.
     *
     * @param c the threshold
     * @return 0s and 1s of this shape and dtype; never requires a gradient
     */
    public Tensor le(double c) {
        return le(constant(c));
    }

    /**
     * 1 where {@code this == y}, else 0 (broadcasting).
     *
     * @param y the other operand; its shape must broadcast with this tensor's
     * @return 0s and 1s of the broadcast shape, FLOAT64 if either operand is; never requires a gradient
     */
    public Tensor eq(Tensor y) {
        return Compare.apply("eq", this, y, (a, b) -> a == b ? 1 : 0);
    }

    /**
     * 1 where {@code this == c}, else 0.
     *
     * @param c the value compared with
     * @return 0s and 1s of this shape and dtype; never requires a gradient
     */
    public Tensor eq(double c) {
        return eq(constant(c));
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * Matrix product with NumPy's rules: 2-D @ 2-D; a 1-D operand is a row (left) or column (right) vector whose
     * axis is dropped from the result; operands of rank 3 and more are batches of matrices whose batch axes (all but
     * the last two) broadcast: [b, n, k] @ [b, k, m], [2, 1, n, k] @ [3, k, m] gives [2, 3, n, m], and a 2-D operand
     * is shared by every batch.
     *
     * @param y the right operand, of rank 1 or more
     * @return a new tensor of the product's shape as above, in the promoted dtype (see {@link DType})
     * @throws IllegalArgumentException if the inner dimensions differ, the batch axes do not broadcast, or a rank is 0
     */
    public Tensor matmul(Tensor y) {
        return Layout.matmul(noInt64("matmul", this), noInt64("matmul", y));
    }

    /**
     * {@code bias + x·w} in one op, as PyTorch's {@code torch.addmm}: the linear layer {@code y = x·W + b}. For 2-D
     * {@code x} {@code [m, k]} and {@code w} {@code [k, n]}; {@code bias} broadcasts to {@code [m, n]} (usually
     * {@code [n]}). Same values and gradients as {@code x.matmul(w).add(bias)}, with the bias added in place into the
     * product (one array and one recorded op fewer).
     *
     * <pre>{@code
     * Tensor y = Tensor.addmm(b, x, w);   // x [batch, in], w [in, out], b [out] -> [batch, out]
     * }</pre>
     *
     * @param bias the term added, broadcasting to {@code [m, n]}
     * @param x the left matrix, {@code [m, k]}
     * @param w the right matrix, {@code [k, n]}
     * @return a new tensor of shape {@code [m, n]}, in the promoted dtype (see {@link DType})
     * @throws IllegalArgumentException if x or w is not 2-D, the inner dimensions differ, or bias does not broadcast
     */
    public static Tensor addmm(Tensor bias, Tensor x, Tensor w) {
        return AddMm.apply(bias, noInt64("addmm", x), noInt64("addmm", w));
    }

    // ---------------------------------------------------------------- shape

    /**
     * The matrix transpose: swaps the last two axes (a tensor of rank below 2 gives a view of the same values).
     *
     * @return a tensor of this dtype with the last two dimensions swapped (of the same shape for rank below 2)
     */
    public Tensor transpose() {
        return shape.length < 2 ? Reshape.apply(this, shape) : transpose(-2, -1);
    }

    /**
     * Swaps two axes.
     *
     * @param axis0 one axis, from {@code -rank} to {@code rank - 1}
     * @param axis1 the other axis, in the same range; may equal {@code axis0}
     * @return a tensor of this dtype with those two dimensions swapped
     */
    public Tensor transpose(int axis0, int axis1) {
        int a = Shapes.axis("transpose", axis0, shape.length);
        int b = Shapes.axis("transpose", axis1, shape.length);
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[a] = b;
        perm[b] = a;
        return Permute.apply(this, perm);
    }

    /**
     * Reorders the axes: result axis {@code i} is input axis {@code axes[i]}.
     *
     * @param axes a permutation of {@code 0..rank-1} (negative entries count from the end)
     * @return a tensor of this dtype whose dimension {@code i} is this one's {@code axes[i]}
     */
    public Tensor permute(int... axes) {
        return Permute.apply(this, Permute.check(axes, shape.length));
    }

    /**
     * The same values in a new shape with as many elements; one dimension may be -1 and is then inferred.
     *
     * @param newShape the new dimensions, at most one of them -1
     * @return a tensor of this dtype and {@code newShape}
     * @throws IllegalArgumentException if the element counts differ
     */
    public Tensor reshape(long... newShape) {
        return Reshape.apply(this, Reshape.resolve(shape, newShape));
    }

    /**
     * The values as a 1-D tensor.
     *
     * @return a 1-D tensor of this dtype with {@code size()} elements
     */
    public Tensor flatten() {
        return Reshape.apply(this, new int[] {length()});
    }

    /**
     * Removes an axis of size 1.
     *
     * @param axis the axis to remove, from {@code -rank} to {@code rank - 1}
     * @return a tensor of this dtype with that axis removed
     * @throws IllegalArgumentException if that axis is not of size 1
     */
    public Tensor squeeze(int axis) {
        int a = Shapes.axis("squeeze", axis, shape.length);
        if (shape[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " of shape " + Shapes.str(shape)
                    + " has size " + shape[a] + ", not 1");
        }
        return Reshape.apply(this, Shapes.without(shape, a));
    }

    /**
     * Inserts an axis of size 1 at {@code axis} (from {@code -rank-1} to {@code rank}).
     *
     * @param axis the position of the new axis in the result
     * @return a tensor of this dtype and rank + 1
     */
    public Tensor unsqueeze(int axis) {
        return Reshape.apply(this, Shapes.inserted(shape, Shapes.newAxis("unsqueeze", axis, shape.length), 1));
    }

    /**
     * The values repeated along broadcast axes to {@code newShape}, by NumPy's rules; the gradient sums them back.
     *
     * @param newShape a shape this tensor's broadcasts to
     * @return a new tensor of this dtype and {@code newShape}
     */
    public Tensor broadcastTo(long... newShape) {
        return BroadcastTo.apply(this, Shapes.fromLong("broadcastTo", newShape));
    }

    /**
     * Joins tensors along an existing axis; all other dimensions must agree.
     *
     * @param tensors the tensors to join, in order, all of the same rank
     * @param axis the axis to join along, from {@code -rank} to {@code rank - 1}
     * @return a new tensor whose {@code axis} dimension is the sum of theirs, in the promoted dtype (see
     *         {@link DType})
     * @throws IllegalArgumentException if the list is empty or the shapes disagree
     */
    public static Tensor concat(List<Tensor> tensors, int axis) {
        return Concat.apply(tensors.toArray(new Tensor[0]), axis);
    }

    /**
     * Joins tensors of the same shape along a new axis.
     *
     * @param tensors the tensors to join, in order, not empty
     * @param axis the position of the new axis in the result, from {@code -rank-1} to {@code rank}
     * @return a new tensor of rank + 1 with {@code tensors.size()} entries along {@code axis}
     */
    public static Tensor stack(List<Tensor> tensors, int axis) {
        Tensor[] xs = tensors.toArray(new Tensor[0]);
        if (xs.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        for (int i = 1; i < xs.length; i++) {
            if (!java.util.Arrays.equals(xs[i].shape, xs[0].shape)) {
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + Shapes.str(xs[i].shape)
                        + " but tensor 0 has shape " + Shapes.str(xs[0].shape));
            }
        }
        int a = Shapes.newAxis("stack", axis, xs[0].shape.length);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = xs[i].unsqueeze(a);
        }
        return Concat.apply(xs, a);
    }

    /**
     * Elements {@code from} (inclusive) to {@code to} (exclusive) along {@code axis}.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param from the first position, from 0 to the axis size
     * @param to the position after the last, from {@code from} to the axis size
     * @return a new tensor of this dtype with {@code to - from} entries along {@code axis}
     */
    public Tensor slice(int axis, long from, long to) {
        return Slice.apply(this, axis, from, to);
    }

    /**
     * The rows (entries along axis 0) at the given positions, in that order; repeats are allowed.
     *
     * @param rows positions along axis 0, each from 0 to {@code size(0) - 1}
     * @return a new tensor of this dtype with {@code rows.length} entries along axis 0
     */
    public Tensor index(long[] rows) {
        return Index.apply(this, rows);
    }

    /**
     * Picks values along {@code axis} at the positions in {@code indices} (PyTorch's {@code gather}): for a 2-D input
     * and axis 1, {@code out[i][j] = this[i][indices[i][j]]}. {@code indices} has this tensor's rank, holds whole
     * numbers, and no dimension larger than this tensor's, except along {@code axis}.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param indices the positions along {@code axis}, each from 0 to {@code size(axis) - 1}
     * @return a new tensor of this dtype and the shape of {@code indices}
     */
    public Tensor gather(int axis, Tensor indices) {
        return Gather.apply(this, axis, indices);
    }

    // ---------------------------------------------------------------- reductions

    /**
     * The sum of all elements, as a 0-d tensor.
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor sum() {
        return Sum.apply(this, Sum.allAxes(shape.length), false);
    }

    /**
     * The sum along one axis, which is kept with size 1 if {@code keepDim}.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param keepDim whether the reduced axis stays, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axis}, or with it of size 1 if {@code keepDim}
     */
    public Tensor sum(int axis, boolean keepDim) {
        return Sum.apply(this, Arguments.axes("sum", new int[] {axis}, shape.length), keepDim);
    }

    /**
     * The mean of all elements, as a 0-d tensor (NaN for an empty tensor).
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor mean() {
        return floatingOnly("mean").sum().mul(1.0 / length());
    }

    /**
     * The mean along one axis, which is kept with size 1 if {@code keepDim}.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param keepDim whether the reduced axis stays, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axis}, or with it of size 1 if {@code keepDim}
     */
    public Tensor mean(int axis, boolean keepDim) {
        return Reductions.mean(floatingOnly("mean"), new int[] {axis}, keepDim);
    }

    /**
     * The maximum along an axis; the gradient goes to the first maximal element.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param keepDim whether the reduced axis stays, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axis}, or with it of size 1 if {@code keepDim}
     */
    public Tensor max(int axis, boolean keepDim) {
        return shape.length == 0 ? Arguments.onScalar("max", this, axis, t -> t.max(0, false))
                : Max.apply(this, axis, keepDim, false);
    }

    /**
     * The minimum along an axis; the gradient goes to the first minimal element.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param keepDim whether the reduced axis stays, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axis}, or with it of size 1 if {@code keepDim}
     */
    public Tensor min(int axis, boolean keepDim) {
        return shape.length == 0 ? Arguments.onScalar("min", this, axis, t -> t.min(0, false))
                : Max.apply(this, axis, keepDim, true);
    }

    /**
     * The maximum of all elements, as a 0-d tensor; tied maxima share the gradient evenly, as in PyTorch.
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor max() {
        return Max.all(this, false);
    }

    /**
     * The minimum of all elements, as a 0-d tensor; tied minima share the gradient evenly, as in PyTorch.
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor min() {
        return Max.all(this, true);
    }

    /**
     * The position of the first maximum along {@code axis}, as an INT64 tensor (as PyTorch; no gradient).
     *
     * <pre>{@code
     * Tensor predicted = logits.argmax(1);                  // [batch], INT64
     * double accuracy = predicted.eq(labels).to(DType.FLOAT64).mean().item();
     * }</pre>
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @return an INT64 tensor of this shape without {@code axis}
     */
    public Tensor argmax(int axis) {
        return shape.length == 0 ? Arguments.onScalar("argmax", this, axis, t -> t.argmax(0))
                : Max.positions(this, axis, false);
    }

    /**
     * The position of the first minimum along {@code axis}, as an INT64 tensor (as PyTorch; no gradient).
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @return an INT64 tensor of this shape without {@code axis}
     */
    public Tensor argmin(int axis) {
        return shape.length == 0 ? Arguments.onScalar("argmin", this, axis, t -> t.argmin(0))
                : Max.positions(this, axis, true);
    }

    /**
     * {@code log(sum(exp(x)))} along an axis, computed without overflow for large values.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param keepDim whether the reduced axis stays, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axis}, or with it of size 1 if {@code keepDim}
     */
    public Tensor logSumExp(int axis, boolean keepDim) {
        return shape.length == 0 ? Arguments.onScalar("logSumExp", this, axis, t -> t.logSumExp(0, false))
                : LogSumExp.apply(floating(), axis, keepDim);
    }

    /**
     * The softmax along an axis: non-negative values summing to 1.
     *
     * @param axis the axis along which values sum to 1, from {@code -rank} to {@code rank - 1}
     * @return a new tensor of this shape and dtype
     */
    public Tensor softmax(int axis) {
        return shape.length == 0 ? Arguments.onScalar("softmax", this, axis, t -> t.softmax(0))
                : LogSoftmax.apply(floating(), Shapes.axis("softmax", axis, shape.length)).exp();
    }

    /**
     * The logarithm of the softmax along an axis, computed stably.
     *
     * @param axis the axis normalized over, from {@code -rank} to {@code rank - 1}
     * @return a new tensor of this shape and dtype
     */
    public Tensor logSoftmax(int axis) {
        return shape.length == 0 ? Arguments.onScalar("logSoftmax", this, axis, t -> t.logSoftmax(0))
                : LogSoftmax.apply(floating(), axis);
    }

    // ---------------------------------------------------------------- PyTorch parity, part 2 (issue 12)
    // One contiguous block, so that edits elsewhere in this file rebase cleanly.

    /**
     * {@code log(1 + x)}, accurate for small |x| where {@code log(1 + x)} would round 1 + x first.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor log1p() {
        return Log1p.apply(floating());
    }

    /**
     * {@code e^x - 1}, accurate for small |x|.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor expm1() {
        return Expm1.apply(floating());
    }

    /**
     * Sine, elementwise (radians).
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor sin() {
        return Sin.apply(floating());
    }

    /**
     * Cosine, elementwise (radians).
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor cos() {
        return Cos.apply(floating());
    }

    /**
     * -1, 0 or 1 by the sign of each element (NaN gives 0, as PyTorch); its gradient is 0 everywhere.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor sign() {
        return Sign.apply(this);
    }

    /**
     * {@code 1 / x}, elementwise; {@code ±inf} at {@code ±0}.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor reciprocal() {
        return Div.apply(constant(1.0), this);
    }

    /**
     * {@code 1 / √x}, elementwise; NaN below 0 and inf at 0.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor rsqrt() {
        return Pow.apply(floating(), -0.5);
    }

    /**
     * The exact GELU activation {@code x · Φ(x)}, Φ the standard normal CDF (PyTorch's default).
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor gelu() {
        return Gelu.apply(floating(), GeluApproximation.NONE);
    }

    /**
     * GELU, exact ({@link GeluApproximation#NONE}) or with the tanh approximation ({@link GeluApproximation#TANH}),
     * as PyTorch's {@code F.gelu(x, approximate=...)}.
     *
     * @param approximation which formula, not null
     * @return a new tensor of this shape and dtype
     */
    public Tensor gelu(GeluApproximation approximation) {
        return Gelu.apply(floating(), approximation);
    }

    /**
     * SiLU (swish), {@code x · σ(x)}.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor silu() {
        return mul(sigmoid());
    }

    /**
     * {@code log σ(x)}, computed as {@code -softplus(-x)}: no overflow or log of 0 for large |x| (-1000 gives -1000,
     * 1000 gives -0), and its gradient {@code σ(-x)} is exact in both tails.
     *
     * @return a new tensor of this shape and dtype
     */
    public Tensor logSigmoid() {
        return neg().softplus().neg();
    }

    /**
     * {@code this ^ y} elementwise, broadcasting, with gradients for both; PyTorch's conventions where {@code y = 0}
     * (no gradient for the base) and where the base is 0 and {@code y >= 0} (no gradient for the exponent).
     *
     * @param y the exponent; its shape must broadcast with this tensor's
     * @return a new tensor of the broadcast shape, in the promoted dtype (see {@link DType})
     */
    public Tensor pow(Tensor y) {
        return PowTensor.apply(floating(), y.floating());
    }

    /**
     * This tensor with {@code value} wherever {@code mask} is non-zero (PyTorch's {@code masked_fill}); the mask and
     * this tensor broadcast together, as in PyTorch (a mask with more or larger axes gives a larger result), and the
     * gradient flows only where the mask is 0, summed back to this tensor's shape.
     *
     * <pre>{@code
     * Tensor scores = q.matmul(k.transpose()).maskedFill(causal, Double.NEGATIVE_INFINITY);
     * }</pre>
     *
     * @param mask non-zero where {@code value} goes; no gradient flows to it
     * @param value the value written, in this tensor's dtype (for INT64, a whole number within ±2^53)
     * @return a new tensor of this dtype and the shape this tensor and the mask broadcast to
     * @throws IllegalArgumentException if the mask is null or its shape does not broadcast with this tensor's, or
     *         the value does not fit an INT64 tensor
     */
    public Tensor maskedFill(Tensor mask, double value) {
        return Where.apply(Arguments.mask("maskedFill", mask, shape), filler("maskedFill", value), this);
    }

    /**
     * The sum over a set of axes (negative ones count from the end), which stay with size 1 if {@code keepDims}.
     *
     * <pre>{@code
     * Tensor x = Tensor.ones(2, 3, 4);
     * x.sum(new int[] {0, -1}, false);   // shape [3], every value 8
     * }</pre>
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     * @throws IllegalArgumentException if {@code axes} is empty, an axis is out of range or repeats
     */
    public Tensor sum(int[] axes, boolean keepDims) {
        return Sum.apply(this, Arguments.axes("sum", axes, shape.length), keepDims);
    }

    /**
     * The mean over a set of axes; see {@link #sum(int[], boolean)}.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor mean(int[] axes, boolean keepDims) {
        return Reductions.mean(floatingOnly("mean"), axes, keepDims);
    }

    /**
     * The variance of all elements, with Bessel's correction (divides by n - 1), as PyTorch's default.
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor var() {
        return Reductions.var("var", floatingOnly("var"), null, 1.0, false);
    }

    /**
     * The variance over a set of axes, with Bessel's correction.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor var(int[] axes, boolean keepDims) {
        return Reductions.var("var", floatingOnly("var"), axes, 1.0, keepDims);
    }

    /**
     * The variance over a set of axes, {@code Σ (x - mean)² / max(0, n - correction)}: correction 0 gives the
     * population variance, 1 the unbiased estimate; as PyTorch, n ≤ correction gives inf or NaN, not an error.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param correction subtracted from the count in the divisor, usually 0 or 1
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor var(int[] axes, double correction, boolean keepDims) {
        return Reductions.var("var", floatingOnly("var"), axes, correction, keepDims);
    }

    /**
     * The standard deviation of all elements, with Bessel's correction.
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor std() {
        return Reductions.var("std", floatingOnly("std"), null, 1.0, false).sqrt();
    }

    /**
     * The standard deviation over a set of axes, with Bessel's correction.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor std(int[] axes, boolean keepDims) {
        return Reductions.var("std", floatingOnly("std"), axes, 1.0, keepDims).sqrt();
    }

    /**
     * The standard deviation over a set of axes, the square root of {@link #var(int[], double, boolean)}.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param correction subtracted from the count in the divisor, usually 0 or 1
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor std(int[] axes, double correction, boolean keepDims) {
        return Reductions.var("std", floatingOnly("std"), axes, correction, keepDims).sqrt();
    }

    /**
     * The Euclidean norm of all elements (the Frobenius norm of a matrix); its gradient at 0 is 0, as PyTorch's.
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor norm() {
        return Reductions.norm(floatingOnly("norm"), 2.0, null, false);
    }

    /**
     * The p-norm of all elements, for p = 1, 2 or {@code Double.POSITIVE_INFINITY}.
     *
     * @param p the order: 1, 2 or {@code Double.POSITIVE_INFINITY}
     * @return a 0-d tensor of this dtype
     */
    public Tensor norm(double p) {
        return Reductions.norm(floatingOnly("norm"), p, null, false);
    }

    /**
     * The p-norm over a set of axes, for p = 1, 2 or {@code Double.POSITIVE_INFINITY}: p = 2 over the last two axes is
     * the Frobenius norm of a batch of matrices, {@code x.norm(2, new int[] {-2, -1}, false)}.
     *
     * @param p the order: 1, 2 or {@code Double.POSITIVE_INFINITY}
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor norm(double p, int[] axes, boolean keepDims) {
        return Reductions.norm(floatingOnly("norm"), p, axes, keepDims);
    }

    /**
     * The product of all elements; its gradient is right where elements are 0 (no division).
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor prod() {
        return Prod.overAxes(this, Sum.allAxes(shape.length), false);
    }

    /**
     * The product over a set of axes; see {@link #prod()}.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor prod(int[] axes, boolean keepDims) {
        return Prod.overAxes(this, Arguments.axes("prod", axes, shape.length), keepDims);
    }

    /**
     * The cumulative sum along an axis: element i is the sum of elements 0 to i; same shape.
     *
     * @param axis the axis summed along, from {@code -rank} to {@code rank - 1}
     * @return a new tensor of this shape and dtype
     */
    public Tensor cumsum(int axis) {
        return shape.length == 0 ? Arguments.onScalar("cumsum", this, axis, t -> t.cumsum(0))
                : Cumsum.apply(this, Shapes.axis("cumsum", axis, shape.length), false);
    }

    /**
     * The largest element; tied maxima share the gradient evenly (PyTorch's {@code amax}).
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor amax() {
        return Amax.apply(this, Sum.allAxes(shape.length), false, false);
    }

    /**
     * The largest element over a set of axes; tied maxima share the gradient evenly.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor amax(int[] axes, boolean keepDims) {
        return Amax.apply(this, Arguments.axes("amax", axes, shape.length), keepDims, false);
    }

    /**
     * The smallest element; tied minima share the gradient evenly (PyTorch's {@code amin}).
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor amin() {
        return Amax.apply(this, Sum.allAxes(shape.length), false, true);
    }

    /**
     * The smallest element over a set of axes; tied minima share the gradient evenly.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor amin(int[] axes, boolean keepDims) {
        return Amax.apply(this, Arguments.axes("amin", axes, shape.length), keepDims, true);
    }

    /**
     * {@code log(sum(exp(x)))} over a set of axes, computed without overflow; see {@link #sum(int[], boolean)}.
     *
     * @param axes the axes to reduce, each from {@code -rank} to {@code rank - 1}, none repeated
     * @param keepDims whether the reduced axes stay, with size 1, rather than being removed
     * @return a tensor of this dtype: this shape without {@code axes}, or with them of size 1 if {@code keepDims}
     */
    public Tensor logSumExp(int[] axes, boolean keepDims) {
        return Reductions.logSumExp(floating(), axes, keepDims);
    }

    /**
     * {@code log(sum(exp(x)))} over all elements, as a 0-d tensor, without overflow.
     *
     * @return a 0-d tensor of this dtype
     */
    public Tensor logSumExp() {
        return LogSumExp.apply(Reshape.apply(floating(), new int[] {length()}), 0, false);
    }

    /**
     * Removes every axis of size 1: {@code [2, 1, 3, 1]} becomes {@code [2, 3]}.
     *
     * @return a tensor of this dtype without axes of size 1
     */
    public Tensor squeeze() {
        return Layout.squeeze(this);
    }

    /**
     * Axes {@code start} to {@code end} (inclusive, negative counting from the end) merged into one; a 0-d tensor
     * becomes shape [1], as in PyTorch.
     *
     * <pre>{@code
     * Tensor.zeros(2, 3, 4, 5).flatten(1, 2);   // shape [2, 12, 5]
     * }</pre>
     *
     * @param start the first axis merged, from {@code -rank} to {@code rank - 1}
     * @param end the last axis merged, in the same range, not before {@code start}
     * @return a tensor of this dtype and rank {@code rank - (end - start)}
     * @throws IllegalArgumentException if an axis is out of range or start comes after end
     */
    public Tensor flatten(int start, int end) {
        return Layout.flatten(this, start, end);
    }

    /**
     * The entries at {@code indices} along {@code axis}, in that order, repeats allowed (PyTorch's index_select).
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param indices positions along {@code axis}, each from 0 to {@code size(axis) - 1}
     * @return a new tensor of this dtype with {@code indices.length} entries along {@code axis}
     */
    public Tensor indexSelect(int axis, long[] indices) {
        return Layout.indexSelect(this, axis, indices);
    }

    /**
     * As {@link #indexSelect(int, long[])}, with the positions in a 1-D tensor of whole numbers.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param indices a 1-D tensor of positions along {@code axis}, each from 0 to {@code size(axis) - 1}
     * @return a new tensor of this dtype with {@code indices.size()} entries along {@code axis}
     */
    public Tensor indexSelect(int axis, Tensor indices) {
        return Layout.indexSelect(this, axis, Layout.positions("indexSelect", indices));
    }

    /**
     * A copy of this tensor with values of {@code src} written along {@code axis} at the positions in {@code index}
     * (PyTorch's {@code scatter}): for 2-D and axis 0, {@code out[index[i][j]][j] = src[i][j]}. All three have the same
     * rank; {@code index} is no larger than {@code src}, nor than this tensor off the axis. A repeated position keeps
     * the last write, and only that element of {@code src} gets a gradient.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param index whole-number positions along {@code axis}, each from 0 to {@code size(axis) - 1}; no gradient
     * @param src the values written, at least as large as {@code index}
     * @return a new tensor of this shape, in the promoted dtype (see {@link DType})
     */
    public Tensor scatter(int axis, Tensor index, Tensor src) {
        return Scatter.scatter(this, axis, index, src);
    }

    /**
     * As {@link #scatter(int, Tensor, Tensor)} with every written value {@code value} (PyTorch's scalar form).
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param index whole-number positions along {@code axis}, each from 0 to {@code size(axis) - 1}; no gradient
     * @param value the value written at every position, in this tensor's dtype (for INT64, a whole number within ±2^53)
     * @return a new tensor of this shape and dtype
     */
    public Tensor scatter(int axis, Tensor index, double value) {
        return Scatter.scatter(this, axis, index, filler("scatter", value).broadcastTo(index.shape()));
    }

    /**
     * As {@link #scatter}, but adding: {@code out[index[i][j]][j] += src[i][j]} (PyTorch's {@code scatter_add}).
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @param index whole-number positions along {@code axis}, each from 0 to {@code size(axis) - 1}; no gradient
     * @param src the values added, at least as large as {@code index}
     * @return a new tensor of this shape, in the promoted dtype (see {@link DType})
     */
    public Tensor scatterAdd(int axis, Tensor index, Tensor src) {
        return Scatter.scatterAdd(this, axis, index, src);
    }

    /**
     * The order of elements reversed along each of {@code axes}.
     *
     * @param axes the axes to reverse, each from {@code -rank} to {@code rank - 1}, none repeated
     * @return a new tensor of this shape and dtype
     */
    public Tensor flip(int... axes) {
        return Flip.apply(this, Arguments.axes("flip", axes, shape.length));
    }

    /**
     * The tensor repeated {@code reps[i]} times along axis i (PyTorch's {@code repeat}); more counts than axes add
     * leading axes: {@code [2, 3]} repeated {@code (4, 1, 2)} has shape [4, 2, 6].
     *
     * @param reps how many times along each axis, each at least 0; at least {@code rank} counts
     * @return a new tensor of this dtype whose dimension {@code i} is {@code reps[i]} times this one's
     */
    public Tensor repeat(long... reps) {
        return Layout.repeat("repeat", this, reps);
    }

    /**
     * NumPy's and PyTorch's {@code tile}: as {@link #repeat}, but fewer counts than axes repeat the last axes.
     *
     * @param reps how many times along each (last) axis, each at least 0
     * @return a new tensor of this dtype, of the repeated shape
     */
    public Tensor tile(long... reps) {
        return Layout.tile(this, reps);
    }

    /**
     * Pieces of {@code size} along {@code axis}, the last one smaller if needed; each gets its part of the gradient.
     *
     * <pre>{@code
     * List<Tensor> gates = h.split(hidden, 1);   // [batch, 4 * hidden] -> four [batch, hidden]
     * }</pre>
     *
     * @param size the size of each piece along {@code axis}, at least 1
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @return the pieces in order, each of this dtype
     */
    public List<Tensor> split(long size, int axis) {
        return Layout.split(this, size, axis);
    }

    /**
     * Pieces of the given sizes along {@code axis}; they must add up to its size.
     *
     * @param sizes the size of each piece along {@code axis}, each at least 0
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @return {@code sizes.length} pieces in order, each of this dtype
     */
    public List<Tensor> split(long[] sizes, int axis) {
        return Layout.split(this, sizes, axis);
    }

    /**
     * {@code chunks} pieces of equal size along {@code axis} (the last smaller, or fewer pieces, as in PyTorch).
     *
     * @param chunks the number of pieces wanted, at least 1
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @return at most {@code chunks} pieces in order, each of this dtype
     */
    public List<Tensor> chunk(int chunks, int axis) {
        return Layout.chunk(this, chunks, axis);
    }

    /**
     * The inner product of two 1-D tensors of the same size, as a 0-d tensor.
     *
     * @param y a 1-D tensor of this tensor's size
     * @return a new 0-d tensor, in the promoted dtype (see {@link DType})
     */
    public Tensor dot(Tensor y) {
        return Layout.dot(this, y);
    }

    /**
     * The outer product of two 1-D tensors: {@code [n]} and {@code [m]} give {@code [n, m]}.
     *
     * @param y a 1-D tensor, of any size
     * @return a new tensor of shape {@code [size(), y.size()]}, in the promoted dtype (see {@link DType})
     */
    public Tensor outer(Tensor y) {
        return Layout.outer(this, y);
    }

    /**
     * Einstein summation over two operands with an explicit output: a letter per axis; letters shared by both operands
     * and absent from the output are summed over, as in {@code torch.einsum}.
     *
     * <pre>{@code
     * Tensor y = Tensor.einsum("bi,oi->bo", x, w);             // x [b, in], w [out, in] -> [b, out]
     * Tensor scores = Tensor.einsum("bhqd,bhkd->bhqk", q, k);  // attention scores
     * }</pre>
     *
     * @param equation two comma-separated operand specs, {@code ->}, then the output spec
     * @param x the first operand, one letter per axis
     * @param y the second operand, one letter per axis
     * @return a new tensor with one axis per output letter, in the promoted dtype (see {@link DType})
     * @throws IllegalArgumentException for a malformed equation, a letter repeated in one operand, or sizes that differ
     */
    public static Tensor einsum(String equation, Tensor x, Tensor y) {
        return Einsum.apply(equation, noInt64("einsum", x), noInt64("einsum", y));
    }

    // ---------------------------------------------------------------- values and metadata

    /**
     * The dimensions, as a new array.
     *
     * @return a copy of the dimensions; empty for a 0-d tensor
     */
    public long[] shape() {
        return Shapes.toLong(shape);
    }

    /**
     * The size of one axis.
     *
     * @param axis the axis, from {@code -rank} to {@code rank - 1}
     * @return that dimension, at least 0
     */
    public long size(int axis) {
        return shape[Shapes.axis("size", axis, shape.length)];
    }

    /**
     * The number of axes (0 for a scalar).
     *
     * @return the number of axes, at least 0
     */
    public int rank() {
        return shape.length;
    }

    /**
     * The number of elements.
     *
     * @return the product of the dimensions (1 for a 0-d tensor)
     */
    public long size() {
        return length();
    }

    /**
     * The element type.
     *
     * @return FLOAT64, FLOAT32 or INT64
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * The value of a one-element tensor.
     *
     * @return the single element, widened to double (an INT64 element is a whole number)
     * @throws IllegalStateException if the tensor has more or fewer than one element
     */
    public double item() {
        Capture.read("item()", this);
        if (length() != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shapes.str(shape) + " has " + length()
                    + " elements; item() needs exactly one");
        }
        return at(0);
    }

    /**
     * A copy of the values in row-major order.
     *
     * @return a new array of {@code size()} doubles
     */
    public double[] toDoubleArray() {
        Capture.read("toDoubleArray()", this);
        return data != null ? data.clone() : Kernels.widen(fdata);
    }

    /**
     * A copy of the values in row-major order as longs, for indices and labels (an INT64 tensor's values exactly).
     *
     * @return a new array of {@code size()} longs
     * @throws IllegalStateException if the tensor is not INT64: convert it with {@code to(DType.INT64)}, which says
     *         how fractions are treated
     */
    public long[] toLongArray() {
        if (dtype != DType.INT64) {
            throw new IllegalStateException("toLongArray: tensor of shape " + Shapes.str(shape) + " is " + dtype
                    + "; convert it with to(DType.INT64) (truncates toward zero) first");
        }
        Capture.read("toLongArray()", this);
        long[] out = new long[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) data[i];
        }
        return out;
    }

    /**
     * A copy of the values in row-major order, rounded to float.
     *
     * @return a new array of {@code size()} floats
     */
    public float[] toFloatArray() {
        Capture.read("toFloatArray()", this);
        return fdata != null ? fdata.clone() : Kernels.narrow(data);
    }

    /**
     * This tensor in another type (itself if already of that type); differentiable between the floating types. To
     * INT64 each value is truncated toward zero, as PyTorch does, and the result has no gradient; NaN, infinities and
     * values beyond ±2^53 are refused (PyTorch gives undefined values for them).
     *
     * <pre>{@code
     * Tensor.of(new double[] {2.7, -1.5}).to(DType.INT64);   // tensor([ 2, -1], shape=[2], dtype=INT64)
     * }</pre>
     *
     * @param type the element type wanted, not null
     * @return this tensor, or a new one of this shape in {@code type}
     * @throws IllegalArgumentException converting to INT64 a value that is NaN, infinite or beyond ±2^53, naming it
     *         and its position
     */
    public Tensor to(DType type) {
        return type == dtype ? this : Cast.apply(this, checkType("to", type));
    }

    /**
     * The backing array of a FLOAT64 tensor, row-major, without a copy: for optimizers and fused kernels that update
     * parameters in place (FLOAT32 tensors have {@link #floatArray()}). Writing to it bypasses autograd, so handing it
     * out counts as a write: it bumps the {@link #version()} of this storage (shared with its views), and a later
     * backward through an op that saved this tensor before the call fails instead of using the new values. Fetch the
     * array when you write, not before recording the ops you then differentiate; to read, use {@link #readArray()}.
     *
     * <p>An INT64 tensor's backing array is a {@code double[]} too; write only whole numbers within ±2^53 into it.
     *
     * @return the backing array
     * @throws IllegalStateException on a FLOAT32 tensor
     */
    public double[] array() {
        Capture.write("array()", this);
        double[] a = readArray();
        version.bump();
        return a;
    }

    /**
     * The backing array of a FLOAT32 tensor, row-major, without a copy; see {@link #array()}. Bumps the
     * {@link #version()}.
     *
     * @return the backing array
     * @throws IllegalStateException on a FLOAT64 tensor
     */
    public float[] floatArray() {
        Capture.write("floatArray()", this);
        float[] a = readFloatArray();
        version.bump();
        return a;
    }

    /**
     * The backing array of a FLOAT64 tensor without a copy, for reading only (a check for NaN, a metric, a copy
     * elsewhere): it does not bump the {@link #version()}, so writing through it would go unnoticed by backward. Use
     * {@link #array()} to write. Works on INT64 tensors too (their whole numbers as doubles).
     *
     * @return the backing array, which the caller must not modify
     * @throws IllegalStateException on a FLOAT32 tensor
     */
    public double[] readArray() {
        Capture.read("readArray()", this);
        if (data == null) {
            throw new IllegalStateException("array: tensor of shape " + Shapes.str(shape) + " is FLOAT32; use"
                    + " floatArray() for its backing array, or toDoubleArray() for a copy");
        }
        return data;
    }

    /**
     * The backing array of a FLOAT32 tensor without a copy, for reading only; see {@link #readArray()}.
     *
     * @return the backing array, which the caller must not modify
     * @throws IllegalStateException on a FLOAT64 tensor
     */
    public float[] readFloatArray() {
        Capture.read("readFloatArray()", this);
        if (fdata == null) {
            throw new IllegalStateException("floatArray: tensor of shape " + Shapes.str(shape) + " is FLOAT64; use"
                    + " array() for its backing array, or toFloatArray() for a rounded copy");
        }
        return fdata;
    }

    /**
     * How many times this tensor's storage was handed out for writing ({@link #array()}, {@link #floatArray()}) since
     * it was created, counted over all the views that share it (a reshape, {@code detach()}), as PyTorch's
     * {@code _version}. An op records the versions of the tensors it saves; {@link #backward()} throws an
     * {@link IllegalStateException} when one has changed since.
     *
     * @return the version, 0 for a storage never written
     */
    public int version() {
        return version.value;
    }

    /**
     * The name of the op that produced this tensor, as PyTorch's {@code grad_fn} (e.g. "AddBackward"), or null.
     *
     * @return the op's name, or null for a leaf
     */
    public String gradFn() {
        return node == null ? null : node.name();
    }

    /**
     * The values (elided when large), then shape, dtype and the op that produced it, as PyTorch prints:
     * {@code tensor([0.5000, 2.0000], shape=[2], dtype=FLOAT64, grad_fn=<MulBackward>)}.
     */
    @Override
    public String toString() {
        Capture.read("toString()", this);
        return Printer.print(this);
    }
}
