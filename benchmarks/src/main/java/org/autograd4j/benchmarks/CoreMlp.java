package org.autograd4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * A multi-layer perceptron built from core {@link Tensor} ops only ({@code x.matmul(w).add(b)} then the activation),
 * so that benchmarks of the engine do not depend on nn's API. Weights are [in, out], biases [out], initialised as
 * PyTorch's {@code nn.Linear} does: uniform in ±1/√in.
 */
public final class CoreMlp {
    private final Tensor[] weights;
    private final Tensor[] biases;
    private final Workload.Activation activation;

    /**
     * @param sizes layer widths, input first (at least two)
     * @param dtype the parameters' element type
     */
    public CoreMlp(int[] sizes, Workload.Activation activation, DType dtype, long seed) {
        Random rng = new Random(seed);
        int layers = sizes.length - 1;
        weights = new Tensor[layers];
        biases = new Tensor[layers];
        for (int l = 0; l < layers; l++) {
            double bound = 1.0 / Math.sqrt(sizes[l]);
            weights[l] = uniform(rng, bound, dtype, sizes[l], sizes[l + 1]);
            biases[l] = uniform(rng, bound, dtype, sizes[l + 1]);
        }
        this.activation = activation;
    }

    private static Tensor uniform(Random rng, double bound, DType dtype, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        double[] d = new double[(int) n];
        for (int i = 0; i < d.length; i++) {
            d[i] = (2 * rng.nextDouble() - 1) * bound;
        }
        return Tensor.of(d, shape).to(dtype).requiresGrad(true);
    }

    /**
     * The logits.
     *
     * @param x shape [batch, sizes[0]]
     * @return shape [batch, sizes[last]]
     */
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (int l = 0; l < weights.length; l++) {
            h = h.matmul(weights[l]).add(biases[l]);
            if (l + 1 < weights.length) {
                h = switch (activation) {
                    case SIGMOID -> h.sigmoid();
                    case RELU -> h.relu();
                    case TANH -> h.tanh();
                };
            }
        }
        return h;
    }

    /** Weights and biases, layer by layer. */
    public List<Tensor> parameters() {
        List<Tensor> out = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            out.add(weights[l]);
            out.add(biases[l]);
        }
        return out;
    }

    /** The number of scalar parameters. */
    public long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) {
            n += p.size();
        }
        return n;
    }

    /**
     * Mean softmax cross-entropy from core ops: {@code -Σ oneHot · logSoftmax(logits) / batch}.
     *
     * @param logits shape [batch, classes]
     * @param oneHot shape [batch, classes]
     */
    public static Tensor crossEntropy(Tensor logits, Tensor oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum().mul(-1.0 / logits.size(0));
    }
}
