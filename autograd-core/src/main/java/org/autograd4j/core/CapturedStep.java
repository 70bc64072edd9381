package org.autograd4j.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step (typically forward, loss and backward) captured as data and replayed: made by {@link Autograd#capture}. The
 * first {@link #run} with inputs of given shapes and dtypes runs the step eagerly while every op records its kernel;
 * later runs with the same shapes and dtypes copy the inputs into the captured buffers and replay the kernels, with no
 * tape, no tensor and no array allocated, computing bit for bit what eager execution computes (the kernels are the
 * eager ops' own loops). Inputs of other shapes or dtypes (the last, smaller batch of an epoch) are captured too, on
 * their first run; a few programs are kept, the least recently used dropped.
 *
 * <pre>{@code
 * CapturedStep step = Autograd.capture(in -> {
 *     Tensor loss = model.forward(in[0]).sub(in[1]).square().mean();
 *     loss.backward();                     // gradients land in the parameters' grad(), as eagerly
 *     return loss;
 * });
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     optimizer.zeroGrad();
 *     double loss = step.run(x, y).item();   // replayed after the first run
 *     optimizer.step();                      // outside the step: it writes the parameters
 * }
 * }</pre>
 *
 * <p>What a replay does not repeat, and how the capture guards it ({@link CaptureException}, and the leaves' gradients
 * are put back as they were):
 * <ul>
 *   <li>Java code inside the step runs once. Reading values from Java ({@code item()}, {@code readArray()},
 *       {@code toString()}...) or writing through {@code array()} inside the step is refused, since what Java did
 *       with them cannot be replayed (data-dependent control flow); so is an op that has no recorded kernel, or a
 *       tensor made from Java data inside the step ({@code Tensor.of}) that an op reads: pass data as inputs.</li>
 *   <li>Java numbers given to ops inside the step ({@code x.mul(0.5)}) are constants of the program, as in CUDA
 *       graphs and {@code tf.function}: a number that changes between runs must be a tensor input.</li>
 *   <li>The tensor {@code run} returns, and the gradients it leaves in {@code grad()}, are the captured buffers:
 *       the next run overwrites them (their version counters count it, so a graph built on them refuses to
 *       differentiate afterwards). Copy what you keep.</li>
 *   <li>Parameters and other tensors made before the capture are read live: the optimizer's updates between runs
 *       are seen.</li>
 * </ul>
 *
 * <p>Not thread-safe: one step runs on one thread at a time.
 */
public final class CapturedStep {
    /** The body of a step: takes the inputs given to {@link #run}, returns the step's result. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the step once.
         *
         * @param inputs the tensors given to {@link CapturedStep#run}, in order (while capturing, copies of them)
         * @return the step's result, usually the loss; a tensor whose graph was consumed by {@code backward()}, or one
         *         computed without recording
         */
        Tensor apply(Tensor[] inputs);
    }

    private static final int PROGRAMS_KEPT = 4;

    private final Body body;
    private final Map<String, Program> programs = new LinkedHashMap<>(8, 0.75f, true);
    private int captures;
    /** The program of the last run: the next run usually has the same shapes, checked without building a key. */
    private Program last;

    CapturedStep(Body body) {
        this.body = java.util.Objects.requireNonNull(body, "capture: body");
    }

    /** One captured program: its input buffers, its kernels, and the result they leave. */
    private static final class Program {
        final Tensor[] inputs;
        final Runnable[] prologue;
        final Runnable[] kernels;
        final VersionCounter[] written;
        final String[] names;
        final Tensor result;

        Program(Tensor[] inputs, Capture c, Tensor result) {
            this.inputs = inputs;
            this.prologue = c.prologue.toArray(new Runnable[0]);
            this.kernels = c.program.toArray(new Runnable[0]);
            this.written = c.written.toArray(new VersionCounter[0]);
            this.names = c.names.toArray(new String[0]);
            this.result = result;
        }

        /** Whether {@code given} has this program's count, shapes and dtypes, and holds only data. */
        boolean accepts(Tensor[] given) {
            if (given.length != inputs.length) {
                return false;
            }
            for (int i = 0; i < given.length; i++) {
                Tensor x = given[i];
                if (x == null || x.requiresGrad || x.dtype != inputs[i].dtype
                        || !Arrays.equals(x.shape, inputs[i].shape)) {
                    return false;
                }
            }
            return true;
        }

        void replay(Tensor[] given) {
            for (Runnable r : prologue) {
                r.run();
            }
            for (int i = 0; i < inputs.length; i++) {
                Tensor to = inputs[i];
                System.arraycopy(given[i].storage(), 0, to.storage(), 0, to.length());
                to.version.bump();
            }
            Runnable[] k = kernels;
            VersionCounter[] w = written;
            for (int i = 0; i < k.length; i++) {
                k[i].run();
                if (w[i] != null) {
                    w[i].bump();
                }
            }
        }
    }

    /**
     * Runs the step on {@code inputs}: captures it on the first run with these shapes and dtypes (running it eagerly),
     * replays the captured program afterwards.
     *
     * @param inputs the step's data (batches, labels, targets), as many as the body reads; they must not require a
     *               gradient
     * @return the step's result: the captured buffer, overwritten by the next run
     * @throws CaptureException if the step cannot be captured (see the class description); nothing is replayed and the
     *         leaves' gradients are as before the run
     * @throws IllegalArgumentException if an input is null or requires a gradient
     */
    public Tensor run(Tensor... inputs) {
        if (Capture.current() != null) {
            throw new CaptureException("run() of a captured step was called inside another capture");
        }
        Program p = last;
        if (p != null && p.accepts(inputs)) {
            p.replay(inputs);
            return p.result;
        }
        String key = signature(inputs);
        p = programs.get(key);
        last = p;
        if (p == null) {
            p = capture(inputs);
            programs.put(key, p);
            last = p;
            if (programs.size() > PROGRAMS_KEPT) {
                programs.remove(programs.keySet().iterator().next());
            }
            return p.result;
        }
        p.replay(inputs);
        return p.result;
    }

    private static String signature(Tensor[] inputs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) {
            Tensor x = inputs[i];
            if (x == null) {
                throw new IllegalArgumentException("run: input " + i + " is null");
            }
            if (x.requiresGrad) {
                throw new IllegalArgumentException("run: input " + i + " (shape " + Shapes.str(x.shape) + ") requires"
                        + " a gradient; the inputs of a captured step are data: pass x.detach(), and keep what is"
                        + " trained as parameters the step reads");
            }
            b.append(x.dtype).append(Arrays.toString(x.shape)).append(';');
        }
        return b.toString();
    }

    private Program capture(Tensor[] given) {
        Tensor[] inputs = new Tensor[given.length];
        for (int i = 0; i < given.length; i++) {
            Tensor x = given[i];
            inputs[i] = x.fdata != null ? new Tensor(x.fdata.clone(), x.shape)
                    : new Tensor(x.data.clone(), x.shape, x.dtype);
        }
        Capture c = Capture.begin();
        boolean done = false;
        try {
            for (Tensor x : inputs) {
                c.known(x);
            }
            Tensor result = body.apply(inputs.clone());
            if (result == null) {
                throw new CaptureException("the step returned null; return its result (the loss)");
            }
            c.check("the step's result", result);
            if (result.node != null && !result.node.released()) {
                throw new CaptureException("the step returned a tensor of shape " + Shapes.str(result.shape)
                        + " whose graph is still recorded (produced by " + result.node.name() + "); call backward()"
                        + " inside the step, or compute the result under Autograd.noGrad(): a replay does not"
                        + " rebuild the graph");
            }
            done = true;
            captures++;
            return new Program(inputs, c, result);
        } finally {
            c.end();
            if (!done) {
                c.rollBack();
            }
        }
    }

    /**
     * How many times a program was captured so far (once per new input signature, and again after an eviction).
     *
     * @return the number of captures
     */
    public int captures() {
        return captures;
    }

    /**
     * The recorded instructions of the program for the most recently used input signature, one op name per
     * instruction, in order: what a replay runs.
     *
     * @return the op names, empty before the first run
     */
    public List<String> instructions() {
        List<String> names = new ArrayList<>();
        Program last = null;
        for (Program p : programs.values()) {
            last = p;
        }
        if (last != null) {
            names.addAll(Arrays.asList(last.names));
        }
        return names;
    }
}
