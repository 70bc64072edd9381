package org.autograd4j.nn.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.OneHot;
import org.autograd4j.nn.optim.LrScheduler;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.OptimizerState;

/** Test-local model, optimizer, losses and scheduler, so these tests depend only on the nn interfaces. */
final class Fakes {
    private Fakes() {
    }

    /** {@code x @ weight + bias}: weight {@code [in, out]}, bias {@code [out]}, drawn from a seed. */
    static final class LinearModel extends Module {
        final Tensor weight;
        final Tensor bias;

        LinearModel(int in, int out, long seed, DType dtype) {
            Random rng = new Random(seed);
            weight = registerParameter("weight", Tensor.randn(rng, in, out).mul(0.1).to(dtype).detach());
            bias = registerParameter("bias", Tensor.zeros(out).to(dtype).detach());
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.matmul(weight).add(bias);
        }

        /** Sets every weight to {@code v} (to make a snapshot recognisable). */
        void fill(double v) {
            if (weight.dtype() == DType.FLOAT32) {
                java.util.Arrays.fill(weight.floatArray(), (float) v);
            } else {
                java.util.Arrays.fill(weight.array(), v);
            }
        }
    }

    /** Plain gradient descent, {@code p -= lr * grad}; counts its steps and records each step's gradient norm. */
    static final class GradientDescent implements Optimizer {
        final List<Tensor> params;
        final List<Double> gradNorms = new ArrayList<>();
        double lr;

        GradientDescent(List<Tensor> params, double lr) {
            this.params = List.copyOf(params);
            this.lr = lr;
        }

        @Override
        public void step() {
            double sq = 0;
            for (Tensor p : params) {
                if (p.grad() == null) {
                    continue;
                }
                double[] a = p.toDoubleArray();
                double[] g = p.grad().toDoubleArray();
                for (int i = 0; i < a.length; i++) {
                    a[i] -= lr * g[i];
                    sq += g[i] * g[i];
                }
                set(p, a);
            }
            gradNorms.add(Math.sqrt(sq));
        }

        private static void set(Tensor p, double[] values) {
            if (p.dtype() == DType.FLOAT32) {
                float[] f = p.floatArray();
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) values[i];
                }
            } else {
                System.arraycopy(values, 0, p.array(), 0, values.length);
            }
        }

        @Override
        public void zeroGrad() {
            params.forEach(Tensor::zeroGrad);
        }

        @Override
        public List<Tensor> parameters() {
            return params;
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public void setLearningRate(double lr) {
            this.lr = lr;
        }

        @Override
        public OptimizerState state() {
            return new OptimizerState("GradientDescent", Map.of("lr", lr), new LinkedHashMap<>());
        }

        @Override
        public void loadState(OptimizerState state) {
            lr = state.hyperparameters().get("lr");
        }
    }

    /** Mean squared error; the prediction is reshaped to the target's shape ({@code [n, 1]} against {@code [n]}). */
    static final Loss MSE = (p, t) -> p.reshape(t.shape()).sub(t).square().mean();

    /** Cross-entropy of logits {@code [n, k]} against class indices {@code [n]}. */
    static final Loss CROSS_ENTROPY = (logits, t) -> {
        int n = (int) logits.size(0);
        int[] classes = new int[n];
        double[] v = t.toDoubleArray();
        for (int i = 0; i < n; i++) {
            classes[i] = (int) v[i];
        }
        Tensor oneHot = OneHot.encode(classes, (int) logits.size(1), logits.dtype());
        return logits.logSoftmax(1).mul(oneHot).sum().mul(-1.0 / n);
    };

    /** Records the metric it is stepped with. */
    static final class RecordingScheduler implements LrScheduler {
        final List<Double> metrics = new ArrayList<>();

        @Override
        public void step() {
            metrics.add(Double.NaN);
        }

        @Override
        public void step(double metric) {
            metrics.add(metric);
        }

        @Override
        public double lastLr() {
            return 0;
        }

        @Override
        public int lastEpoch() {
            return metrics.size();
        }
    }

    /** Logs holding one value. */
    static EpochLogs logs(String name, double value) {
        return new EpochLogs(Map.of(name, value), 0.01);
    }
}
