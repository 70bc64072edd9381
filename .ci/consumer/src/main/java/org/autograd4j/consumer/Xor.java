package org.autograd4j.consumer;

import java.util.Random;
import org.autograd4j.core.Tensor;
import org.autograd4j.core.backend.BlasBackend;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;

/**
 * Trains an MLP on XOR clusters with the published artifacts and exits 1 unless it learned them (accuracy >= 0.95) and
 * a large product ran in a native library (the natives came with the dependency, for this platform).
 */
public final class Xor {
    private Xor() {
    }

    public static void main(String[] args) {
        Random rng = new Random(7);
        double[][] corners = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
        double[][] x = new double[200][];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int c = i % 4;
            x[i] = new double[] {corners[c][0] + 0.1 * rng.nextGaussian(), corners[c][1] + 0.1 * rng.nextGaussian()};
            y[i] = c < 2 ? 0 : 1;
        }
        Tensor inputs = Tensor.of(x);
        Mlp net = Mlp.builder().sizes(2, 16, 2).hiddenActivation(Activation.TANH)
                .outputActivation(Activation.NONE).seed(42).build();
        Optimizer opt = Adam.builder(net.parameters()).lr(0.05).build();
        for (int epoch = 0; epoch < 300; epoch++) {
            opt.zeroGrad();
            Losses.crossEntropy(net.forward(inputs), y).backward();
            opt.step();
        }
        double[] predicted = net.eval().forward(inputs).argmax(1).toDoubleArray();
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += predicted[i] == y[i] ? 1 : 0;
        }
        double accuracy = (double) right / y.length;
        String backend = BlasBackend.describe();
        System.out.println("consumer: XOR accuracy " + accuracy + "; backend: " + backend);
        if (accuracy < 0.95) {
            System.err.println("consumer: XOR not learned");
            System.exit(1);
        }
        if (BlasBackend.current() == BlasBackend.Library.JAVA) {
            System.err.println("consumer: no native BLAS came with the published artifacts");
            System.exit(1);
        }
    }
}
