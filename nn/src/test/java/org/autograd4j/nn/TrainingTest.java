package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Real training: an {@link Mlp} learns two non-linearly separable data sets to 100% training accuracy from a fixed
 * seed, with a plain full-batch gradient-descent loop written here (the optimizers live in another package).
 */
class TrainingTest {
    /** Two Gaussian clusters (σ = 0.1) per class at the corners of the unit square: class 1 where x XOR y. */
    @Test
    void mlpLearnsXorClusters() {
        Random rng = new Random(7);
        int perCorner = 25;
        double[][] corners = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
        double[][] x = new double[4 * perCorner][];
        int[] y = new int[x.length];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < perCorner; i++) {
                int row = c * perCorner + i;
                x[row] = new double[] {corners[c][0] + 0.1 * rng.nextGaussian(),
                    corners[c][1] + 0.1 * rng.nextGaussian()};
                y[row] = c < 2 ? 0 : 1;
            }
        }
        Tensor inputs = Tensor.of(x);
        Mlp net = Mlp.builder().sizes(2, 8, 2).hiddenActivation(Activation.SIGMOID)
                .outputActivation(Activation.NONE).seed(42).build();
        double loss = 0;
        for (int epoch = 0; epoch < 3000; epoch++) {
            Tensor l = Losses.crossEntropy(net.forward(inputs), y);
            loss = l.item();
            descend(net, l, 2.0);
        }
        Tensor predicted = net.eval().forward(inputs).argmax(1);
        assertEquals(1.0, accuracy(predicted.toDoubleArray(), y), "loss " + loss);
    }

    /** Two concentric circles (radii 1 and 0.3, noise 0.1), separated by a ReLU network with a sigmoid output. */
    @Test
    void mlpLearnsConcentricCircles() {
        Random rng = new Random(3);
        int n = 200;
        double[][] x = new double[n][];
        double[] t = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i % 2 == 1;
            double r = inner ? 0.3 : 1.0;
            double a = 2 * Math.PI * rng.nextDouble();
            x[i] = new double[] {r * Math.cos(a) + 0.1 * rng.nextGaussian(),
                r * Math.sin(a) + 0.1 * rng.nextGaussian()};
            y[i] = inner ? 1 : 0;
            t[i] = y[i];
        }
        Tensor inputs = Tensor.of(x);
        Tensor targets = Tensor.of(t, n, 1);
        Mlp net = Mlp.builder().sizes(2, 20, 1).hiddenActivation(Activation.RELU)
                .outputActivation(Activation.SIGMOID).seed(42).build();
        double loss = 0;
        for (int epoch = 0; epoch < 2000; epoch++) {
            Tensor l = Losses.binaryCrossEntropy(net.forward(inputs), targets);
            loss = l.item();
            descend(net, l, 0.5);
        }
        double[] p = net.eval().forward(inputs).toDoubleArray();
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = p[i] > 0.5 ? 1 : 0;
        }
        assertEquals(1.0, accuracy(predicted, y), "loss " + loss);
    }

    /** One step of plain gradient descent: {@code p -= lr * grad}, in place, outside the graph. */
    static void descend(Module model, Tensor loss, double lr) {
        model.zeroGrad();
        loss.backward();
        List<Tensor> params = model.parameters();
        try (Autograd.Scope scope = Autograd.noGrad()) {
            for (Tensor p : params) {
                double[] v = p.array();
                double[] g = p.grad().array();
                for (int i = 0; i < v.length; i++) {
                    v[i] -= lr * g[i];
                }
            }
        }
    }

    private static double accuracy(double[] predicted, int[] y) {
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += predicted[i] == y[i] ? 1 : 0;
        }
        return right / (double) y.length;
    }
}
