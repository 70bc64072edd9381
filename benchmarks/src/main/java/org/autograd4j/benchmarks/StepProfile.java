package org.autograd4j.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.optim.Optimizer;

/**
 * Where the time of a {@code tiny}, a {@code wdbc-shape} and an {@code mlp-mnist-shape} step goes, for the step users
 * write ({@link NnTrainer}):
 * the whole step and its phases (forward + loss, backward, optimizer step, zeroGrad), then every core op the step
 * records, timed alone in a loop on the step's real shapes and values — forward with recording on, and backward as
 * (forward + {@code backward} from a leaf) − forward − the fixed cost of a {@code backward()} call — with inputs
 * requiring gradients exactly where they do in the step. Printed as a ranked list ({@code PROFILE} lines), with the
 * bytes the step allocates. Each figure is the fastest of 5 timed rounds.
 *
 * <p>Usage: {@code THREADS=1 java -cp benchmarks.jar org.autograd4j.benchmarks.StepProfile [short|full]}.
 */
public final class StepProfile {
    private final long budgetNs;
    /** How long the whole step runs before anything is timed, so the JIT has compiled every op's path. */
    private final long warmupNs;
    /** Where timed results go, so the JIT cannot drop the work. */
    private Object sink;

    private StepProfile(boolean full) {
        this.budgetNs = full ? 1_000_000_000L : 300_000_000L;
        this.warmupNs = full ? 10_000_000_000L : 3_000_000_000L;
    }

    /** Profiles tiny, wdbc-shape and mlp-mnist-shape. */
    public static void main(String[] args) {
        Natives.configure(0);
        StepProfile p = new StepProfile(args.length > 0 && args[0].equals("full"));
        p.profile(Workload.TINY);
        p.profile(Workload.WDBC_SHAPE);
        p.profile(Workload.MLP_MNIST_SHAPE);
    }

    /** One recorded op of the step, on leaves holding the values the step sees. */
    private record Op(String name, Function<Tensor[], Tensor> f, Tensor[] inputs) {
    }

    private record Part(String name, double ns) {
    }

    private void profile(Workload w) {
        NnTrainer trainer = new NnTrainer(w);
        Mlp model = trainer.model();
        Optimizer opt = trainer.optimizer();
        Data.Batch[] data = w.data();
        Data.Batch b = data[0];
        int[] next = {0};
        Supplier<?> step = () -> trainer.step(data[next[0]++ % data.length]);
        time(step, warmupNs / (budgetNs / 2));
        double stepNs = time(step, 1);
        double bytes = allocatedPerCall(step);
        double forward = time(() -> Losses.crossEntropy(model.forward(b.x()), b.labels()), 1);
        double forwardBackward = time(() -> {
            opt.zeroGrad();
            Losses.crossEntropy(model.forward(b.x()), b.labels()).backward();
            return model;
        }, 1);
        List<Tensor> params = model.parameters();
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : params) {
            grads.add(Tensor.full(1e-3, DType.FLOAT32, p.shape()));
        }
        double update = time(() -> {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).setGrad(grads.get(i));
            }
            opt.step();
            return params;
        }, 1);
        double zero = time(() -> {
            opt.zeroGrad();
            return opt;
        }, 1);
        Tensor one = Tensor.scalar(1.0, DType.FLOAT32).requiresGrad(true);
        double fixed = time(() -> {
            one.zeroGrad();
            one.mul(2.0).backward();
            return one;
        }, 1) - time(() -> one.mul(2.0), 1);
        List<Part> parts = new ArrayList<>();
        double opsForward = 0;
        double opsBackward = 0;
        for (Op op : ops(w, model, b)) {
            double fwd = time(() -> op.f.apply(op.inputs), 1);
            Tensor seed = Tensor.full(1.0, DType.FLOAT32, op.f.apply(op.inputs).shape());
            double both = time(() -> {
                for (Tensor in : op.inputs) {
                    in.zeroGrad();
                }
                op.f.apply(op.inputs).backward(seed);
                return seed;
            }, 1);
            double bwd = Math.max(0, both - fwd - fixed);
            parts.add(new Part("fwd " + op.name, fwd));
            parts.add(new Part("bwd " + op.name, bwd));
            opsForward += fwd;
            opsBackward += bwd;
        }
        double backward = forwardBackward - forward;
        parts.add(new Part("optimizer.step() (" + (w.adam ? "Adam" : "Sgd") + ", all parameters)", update));
        parts.add(new Part("optimizer.zeroGrad()", zero));
        parts.add(new Part("forward outside the ops (modules, checks, label tensor): forward+loss − Σ op fwd",
                Math.max(0, forward - opsForward)));
        parts.add(new Part("backward() walk (ordering, gradient map, accumulation): backward − Σ op bwd",
                Math.max(0, backward - opsBackward)));
        parts.sort((x, y) -> Double.compare(y.ns, x.ns));
        print("%s (batch %d, %s): step %.1f µs, %.0f bytes allocated per step", w.label, w.batch, trainer.describe(),
                stepNs / 1e3, bytes);
        print("  = forward+loss %.1f + backward %.1f + optimizer.step %.1f + zeroGrad %.1f (+ %.1f unaccounted)",
                forward / 1e3, backward / 1e3, update / 1e3, zero / 1e3,
                (stepNs - forwardBackward - update - zero) / 1e3);
        print("  Σ op forwards %.1f µs, Σ op backwards %.1f µs; fixed cost of a backward() call %.2f µs",
                opsForward / 1e3, opsBackward / 1e3, fixed / 1e3);
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            print("  %2d. %8.2f µs %5.1f%%  %s", i + 1, p.ns / 1e3, 100 * p.ns / stepNs, p.name);
        }
    }

    /** nn's step as core ops: per layer the fused {@code addmm} and the activation; then cross-entropy as nn does. */
    private static List<Op> ops(Workload w, Mlp model, Data.Batch b) {
        List<Op> ops = new ArrayList<>();
        List<Tensor> ps = model.parameters();
        int layers = ps.size() / 2;
        boolean sigmoid = w.activation == Workload.Activation.SIGMOID;
        Tensor h = b.x();
        try (Autograd.Scope scope = Autograd.noGrad()) {
            for (int l = 0; l < layers; l++) {
                Tensor wt = ps.get(2 * l);
                Tensor bias = ps.get(2 * l + 1);
                Tensor in = leaf(h, l > 0);
                String shapes = Arrays.toString(in.shape()) + "·" + Arrays.toString(wt.shape());
                ops.add(new Op("addmm (linear) " + shapes, x -> Tensor.addmm(x[0], x[1], x[2]),
                        new Tensor[] {bias, in, wt}));
                h = Tensor.addmm(bias, in, wt);
                if (l + 1 < layers) {
                    Tensor a = leaf(h, true);
                    ops.add(new Op((sigmoid ? "sigmoid " : "relu ") + Arrays.toString(a.shape()),
                            x -> sigmoid ? x[0].sigmoid() : x[0].relu(), new Tensor[] {a}));
                    h = sigmoid ? a.sigmoid() : a.relu();
                }
            }
            double[] y = new double[w.batch];
            for (int i = 0; i < y.length; i++) {
                y[i] = b.labels()[i];
            }
            Tensor index = Tensor.of(y, w.batch, 1);
            Tensor logits = leaf(h, true);
            ops.add(new Op("logSoftmax " + Arrays.toString(logits.shape()), x -> x[0].logSoftmax(1),
                    new Tensor[] {logits}));
            Tensor logp = leaf(logits.logSoftmax(1), true);
            ops.add(new Op("gather labels", x -> x[0].gather(1, x[1]), new Tensor[] {logp, index}));
            Tensor picked = leaf(logp.gather(1, index), true);
            ops.add(new Op("reshape [batch, 1] → [batch]", x -> x[0].reshape(w.batch), new Tensor[] {picked}));
            Tensor flat = leaf(picked.reshape(w.batch), true);
            ops.add(new Op("neg", x -> x[0].neg(), new Tensor[] {flat}));
            ops.add(new Op("mean (sum, mul)", x -> x[0].mean(), new Tensor[] {leaf(flat.neg(), true)}));
        }
        return ops;
    }

    private static Tensor leaf(Tensor t, boolean requiresGrad) {
        return t.detach().requiresGrad(requiresGrad);
    }

    /**
     * ns per call: the fastest of 5 rounds (the least disturbed by other processes), after a warm-up of
     * {@code warmFactor} halves of the budget.
     */
    private double time(Supplier<?> r, long warmFactor) {
        long warmEnd = System.nanoTime() + warmFactor * budgetNs / 2;
        while (System.nanoTime() < warmEnd) {
            sink = r.get();
        }
        double[] rounds = new double[5];
        for (int k = 0; k < rounds.length; k++) {
            long start = System.nanoTime();
            long end = start + budgetNs / 10;
            long n = 0;
            long now;
            do {
                for (int i = 0; i < 16; i++) {
                    sink = r.get();
                }
                n += 16;
                now = System.nanoTime();
            } while (now < end);
            rounds[k] = (now - start) / (double) n;
        }
        Arrays.sort(rounds);
        return rounds[0];
    }

    /** Bytes allocated on this thread per call, over 1,000 calls. */
    private double allocatedPerCall(Supplier<?> r) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1000; i++) {
            sink = r.get();
        }
        return (mx.getThreadAllocatedBytes(id) - before) / 1000.0;
    }

    private static void print(String format, Object... args) {
        System.out.println("PROFILE " + String.format(Locale.ROOT, format, args));
    }
}
