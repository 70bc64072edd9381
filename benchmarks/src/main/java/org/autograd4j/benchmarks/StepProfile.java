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

/**
 * Where the time of a {@code tiny} and a {@code wdbc-shape} step goes: every op of the step timed alone in a loop —
 * forward with recording on, and forward plus {@code backward} from a leaf, less the fixed cost of a
 * {@code backward()} call — next to the whole step, its forward, its backward and its optimizer update; printed as a
 * ranked list ({@code PROFILE} lines). Ops are timed on the step's real shapes and values, inputs requiring gradients
 * exactly where they do in the step.
 *
 * <p>Usage: {@code THREADS=1 java -cp benchmarks.jar org.autograd4j.benchmarks.StepProfile [short|full]}.
 */
public final class StepProfile {
    private final long budgetNs;
    /** Where timed results go, so the JIT cannot drop the work. */
    private Object sink;

    private StepProfile(boolean full) {
        this.budgetNs = full ? 1_000_000_000L : 300_000_000L;
    }

    /** Profiles tiny and wdbc-shape. */
    public static void main(String[] args) {
        Natives.configure(0);
        StepProfile p = new StepProfile(args.length > 0 && args[0].equals("full"));
        p.profile(Workload.TINY);
        p.profile(Workload.WDBC_SHAPE);
    }

    /** One op of the step: its inputs (leaves) and which of them require a gradient. */
    private record Op(String name, Function<Tensor[], Tensor> f, Tensor[] inputs) {
    }

    private record Part(String name, double ns) {
    }

    private void profile(Workload w) {
        CoreTrainer trainer = new CoreTrainer(w);
        Data.Batch[] data = w.data();
        int[] next = {0};
        double step = time(() -> trainer.step(data[next[0]++ % data.length]));
        List<Tensor> params = trainer.parameters();
        Data.Batch b = data[0];
        CoreMlp model = new CoreMlp(w.sizes, w.activation, DType.FLOAT32, Workload.SEED);
        double forward = time(() -> CoreMlp.crossEntropy(model.forward(b.x()), b.oneHot()));
        double forwardBackward = time(() -> {
            model.parameters().forEach(Tensor::zeroGrad);
            CoreMlp.crossEntropy(model.forward(b.x()), b.oneHot()).backward();
            return model;
        });
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : params) {
            grads.add(Tensor.full(1e-3, DType.FLOAT32, p.shape()));
        }
        double update = time(() -> {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).setGrad(grads.get(i));
            }
            trainer.update();
            return params;
        });
        Tensor one = leaf(Tensor.scalar(1.0, DType.FLOAT32), true);
        double fixed = time(() -> {
            one.zeroGrad();
            one.mul(2.0).backward();
            return one;
        }) - time(() -> one.mul(2.0));
        List<Part> parts = new ArrayList<>();
        double opsForward = 0;
        double opsBackward = 0;
        for (Op op : ops(w, model, b)) {
            double fwd = time(() -> op.f.apply(op.inputs));
            Tensor probe = op.f.apply(op.inputs);
            Tensor seed = Tensor.full(1.0, DType.FLOAT32, probe.shape());
            double both = time(() -> {
                for (Tensor in : op.inputs) {
                    in.zeroGrad();
                }
                op.f.apply(op.inputs).backward(seed);
                return seed;
            });
            double bwd = Math.max(0, both - fwd - fixed);
            parts.add(new Part("fwd " + op.name, fwd));
            parts.add(new Part("bwd " + op.name, bwd));
            opsForward += fwd;
            opsBackward += bwd;
        }
        parts.add(new Part("optimizer update (" + (w.adam ? "Adam" : "SGD") + ", all params)", update));
        parts.add(new Part("backward() walk: topological sort, gradient map, accumulation (step backward − Σ op bwd)",
                Math.max(0, forwardBackward - forward - opsBackward)));
        parts.sort((x, y) -> Double.compare(y.ns, x.ns));
        print("%s (batch %d): step %.1f µs = forward+loss %.1f + backward %.1f + update %.1f (+ %.1f other)", w.label,
                w.batch, step / 1e3, forward / 1e3, (forwardBackward - forward) / 1e3, update / 1e3,
                (step - forwardBackward - update) / 1e3);
        print("  Σ op forwards %.1f µs, Σ op backwards %.1f µs; fixed cost of one backward() call %.2f µs", opsForward
                / 1e3, opsBackward / 1e3, fixed / 1e3);
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            print("  %2d. %8.2f µs %5.1f%%  %s", i + 1, p.ns / 1e3, 100 * p.ns / step, p.name);
        }
    }

    /** The step's ops in order, each on leaves holding the values the real step sees. */
    private static List<Op> ops(Workload w, CoreMlp model, Data.Batch b) {
        List<Op> ops = new ArrayList<>();
        List<Tensor> ps = model.parameters();
        Tensor h = b.x();
        try (Autograd.Scope scope = Autograd.noGrad()) {
            for (int l = 0; l < ps.size() / 2; l++) {
                Tensor wt = ps.get(2 * l);
                Tensor bias = ps.get(2 * l + 1);
                Tensor in = leaf(h, l > 0);
                String shapes = Arrays.toString(in.shape()) + "·" + Arrays.toString(wt.shape());
                ops.add(new Op("matmul " + shapes, x -> x[0].matmul(x[1]), new Tensor[] {in, wt}));
                Tensor z = leaf(in.matmul(wt), true);
                ops.add(new Op("add bias " + Arrays.toString(z.shape()), x -> x[0].add(x[1]), new Tensor[] {z, bias}));
                Tensor a = leaf(z.add(bias), true);
                if (l + 1 < ps.size() / 2) {
                    ops.add(new Op(w.activation.name().toLowerCase(Locale.ROOT) + " " + Arrays.toString(a.shape()),
                            x -> w.activation == Workload.Activation.SIGMOID ? x[0].sigmoid() : x[0].relu(),
                            new Tensor[] {a}));
                    h = w.activation == Workload.Activation.SIGMOID ? a.sigmoid() : a.relu();
                } else {
                    h = a;
                }
            }
            Tensor logits = leaf(h, true);
            ops.add(new Op("logSoftmax " + Arrays.toString(logits.shape()), x -> x[0].logSoftmax(1),
                    new Tensor[] {logits}));
            Tensor logp = leaf(logits.logSoftmax(1), true);
            ops.add(new Op("mul one-hot", x -> x[0].mul(x[1]), new Tensor[] {logp, b.oneHot()}));
            Tensor picked = leaf(logp.mul(b.oneHot()), true);
            ops.add(new Op("sum", x -> x[0].sum(), new Tensor[] {picked}));
            Tensor total = leaf(picked.sum(), true);
            ops.add(new Op("mul by -1/batch", x -> x[0].mul(-1.0 / w.batch), new Tensor[] {total}));
        }
        return ops;
    }

    private static Tensor leaf(Tensor t, boolean requiresGrad) {
        return t.detach().requiresGrad(requiresGrad);
    }

    /** Median ns per call over 5 rounds after a warm-up of the same length. */
    private double time(Supplier<?> r) {
        long warmEnd = System.nanoTime() + budgetNs / 2;
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
        return rounds[2];
    }

    private static void print(String format, Object... args) {
        System.out.println("PROFILE " + String.format(Locale.ROOT, format, args));
    }
}
