package org.autograd4j.core;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The recorder behind {@link CapturedStep}: while a step runs eagerly on this thread, every op that knows how to be
 * captured appends its kernel (the same static loop over the same arrays that it has just run, so a replay computes
 * bit for bit what eager execution computes) to a program; the program is then replayed with no tape, no tensor and no
 * array allocated.
 *
 * <p>Note "unrecorded storage": the danger of replaying a program is a value that was computed outside it, which the
 * replay would freeze at its first value. So every tensor over a fresh array that is built while capturing is noted
 * with the place it was built; when an op that records reads one that no recorded instruction writes (nor is a
 * declared input or a constant), or the step returns one, the capture is refused with that place, instead of replaying
 * a stale value. Reading values from Java while capturing ({@code item()}, {@code readArray()}...) and writing through
 * {@code array()} are refused for the same reason: the replay cannot repeat what Java did with them.
 */
final class Capture {
    /** How many captures are open on all threads: the gate that keeps eager ops free when none is (one plain read). */
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final ThreadLocal<Capture> CURRENT = new ThreadLocal<>();

    /** The recorded kernels, in order, and the version counters of the storages they write (bumped on replay). */
    final List<Runnable> program = new ArrayList<>();
    final List<VersionCounter> written = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    /** Run before each replay's kernels: saves what a replay would otherwise overwrite (see {@link #beforeReplay}). */
    final List<Runnable> prologue = new ArrayList<>();
    /** Storages built while capturing that no instruction wrote yet, with where they were built ("unrecorded"). */
    private final Map<Object, String> unrecorded = new IdentityHashMap<>();
    /** Index arrays that a recorded instruction refills from an index tensor on every replay. */
    private final Map<int[], Boolean> liveIndices = new IdentityHashMap<>();
    /** Leaves whose gradient the capture changed, with the gradient they had before, to undo a refused capture. */
    private final Map<Tensor, Tensor> gradsBefore = new IdentityHashMap<>();

    private Capture() {
    }

    /** The capture open on this thread, or null (the common case, decided by one read). */
    static Capture current() {
        return OPEN.get() == 0 ? null : CURRENT.get();
    }

    /** Opens a capture on this thread. */
    static Capture begin() {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("capture: a step is already being captured on this thread; captures do"
                    + " not nest (call run() of the inner step outside the outer one)");
        }
        if (GradMode.anomaly()) {
            throw new CaptureException("anomaly mode is on: its checks run per op and are not replayed; close the"
                    + " detectAnomaly() scope, or run the step eagerly");
        }
        Capture c = new Capture();
        CURRENT.set(c);
        OPEN.incrementAndGet();
        return c;
    }

    /** Closes this thread's capture. */
    void end() {
        CURRENT.remove();
        OPEN.decrementAndGet();
    }

    /** Puts back the leaves' gradients as they were before a refused capture started (see {@link #leafGrad}). */
    void rollBack() {
        for (Map.Entry<Tensor, Tensor> e : gradsBefore.entrySet()) {
            e.getKey().restoreGrad(e.getValue());
        }
    }

    /** Called by Tensor's constructors over fresh arrays: notes where the storage was built ("unrecorded storage"). */
    void created(Object storage) {
        unrecorded.put(storage, site());
    }

    /** Marks {@code t}'s storage as a value the program may read as it is: a constant, or an input the run fills. */
    void known(Tensor t) {
        unrecorded.remove(t.storage());
    }

    /**
     * Appends {@code kernel}, which the caller has just run, writing {@code out}'s storage from {@code inputs}.
     *
     * @throws CaptureException if an input holds values no instruction computes ("unrecorded storage")
     */
    void record(String op, Runnable kernel, Tensor out, Tensor... inputs) {
        for (Tensor x : inputs) {
            check(op, x);
        }
        unrecorded.remove(out.storage());
        program.add(kernel);
        written.add(out.version);
        names.add(op);
    }

    /** Like {@link #record} for an instruction with no tensor output (a leaf's gradient assignment). */
    void recordEffect(String op, Runnable effect, Tensor... inputs) {
        for (Tensor x : inputs) {
            check(op, x);
        }
        program.add(effect);
        written.add(null);
        names.add(op);
    }

    /** Adds a step to run before each replay's kernels. */
    void beforeReplay(Runnable r) {
        prologue.add(r);
    }

    /** Refuses when {@code x} holds values that no instruction of the program computes. */
    void check(String op, Tensor x) {
        String site = unrecorded.get(x.storage());
        if (site != null) {
            throw new CaptureException(op + " reads a tensor of shape " + Shapes.str(x.shape) + " (" + x.dtype
                    + ") whose values were computed by an operation that cannot be captured, or made from Java data"
                    + " inside the step, at " + site + "; pass data as an input of the step, create constants before"
                    + " capturing, or run the step eagerly");
        }
    }

    /** Notes that a recorded instruction refills {@code index} from an index tensor on every replay. */
    void liveIndex(int[] index) {
        liveIndices.put(index, Boolean.TRUE);
    }

    /** Refuses an op that reads positions from an index array that no instruction refills (Java data). */
    void checkIndex(String op, int[] index) {
        if (!liveIndices.containsKey(index)) {
            throw new CaptureException(op + " with positions computed from a tensor's values outside the recorded"
                    + " program cannot be captured; run the step eagerly");
        }
    }

    /** Notes a leaf's gradient before the capture changes it, so that a refused capture can put it back. */
    void leafGrad(Tensor leaf) {
        gradsBefore.putIfAbsent(leaf, leaf.currentGrad());
    }

    /** Marks {@code t} as a constant of the program when capturing (a Java number an op was given); returns it. */
    static Tensor constant(Tensor t) {
        Capture c = current();
        if (c != null) {
            c.known(t);
        }
        return t;
    }

    /** Runs {@code work} with this thread's capture suspended: eager work of the capturing run that is not recorded. */
    static <T> T outside(java.util.function.Supplier<T> work) {
        Capture c = CURRENT.get();
        CURRENT.remove();
        try {
            return work.get();
        } finally {
            CURRENT.set(c);
        }
    }

    /** The op with no recorded kernel that the caller is, refused with the reason. */
    static void refuse(String op, String why) {
        if (current() != null) {
            throw new CaptureException(op + " cannot be captured" + (why.isEmpty() ? "" : " " + why)
                    + "; run the step eagerly");
        }
    }

    /** Refuses a read of values from Java while capturing ("unrecorded storage"). */
    static void read(String how, Tensor t) {
        if (current() != null) {
            throw new CaptureException("the step read the values of a tensor of shape " + Shapes.str(t.shape)
                    + " with " + how + " while being captured; a replay repeats the operations whatever the values,"
                    + " so a step whose Java code uses values (data-dependent control flow) cannot be captured: read"
                    + " the step's result after run(), or run the step eagerly");
        }
    }

    /** Refuses a write through a handed-out array while capturing. */
    static void write(String how, Tensor t) {
        if (current() != null) {
            throw new CaptureException("the step wrote into a tensor of shape " + Shapes.str(t.shape) + " with " + how
                    + " while being captured; the replay would not repeat the write: write outside the step (e.g."
                    + " optimizer.step() after run()), or run the step eagerly");
        }
    }

    /**
     * Where a storage was built, for "unrecorded storage" messages: the engine's op that built it (the first frame
     * past Tensor's constructors) and the first caller outside the engine.
     */
    private static String site() {
        // lazily, up to the first frame outside the engine: a few frames, not the whole stack (a capture notes every
        // tensor it builds, so this runs some dozens of times per capture)
        StackWalker.StackFrame[] found = StackWalker.getInstance().walk(frames -> {
            StackWalker.StackFrame op = null;
            java.util.Iterator<StackWalker.StackFrame> it = frames.iterator();
            while (it.hasNext()) {
                StackWalker.StackFrame f = it.next();
                String cls = f.getClassName();
                boolean engine = cls.startsWith("org.autograd4j.core.");
                if (!engine) {
                    return new StackWalker.StackFrame[] {op, f};
                }
                if (op == null && !cls.equals(Tensor.class.getName()) && !cls.equals(Capture.class.getName())) {
                    op = f;
                }
            }
            return new StackWalker.StackFrame[] {op, null};
        });
        StackWalker.StackFrame op = found[0];
        StackWalker.StackFrame caller = found[1];
        String where = caller == null ? "unknown" : caller.getClassName() + "." + caller.getMethodName() + ":"
                + caller.getLineNumber();
        return op == null ? where : op.getClassName().substring("org.autograd4j.core.".length()) + "."
                + op.getMethodName() + " (called from " + where + ")";
    }
}
