package org.autograd4j.examples;

import java.io.PrintStream;
import org.autograd4j.core.DType;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.data.Splits;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.train.FitConfig;
import org.autograd4j.nn.metrics.Metric;
import org.autograd4j.nn.metrics.Metrics;
import org.autograd4j.nn.train.Trainer;

/**
 * Two concentric circles (scikit-learn's {@code make_circles} with noise 0.15 and factor 0.3), as in the Keras
 * lecture: a hidden layer of 20 ReLU units and one sigmoid output trained with binary cross-entropy. With this much
 * noise a few points of each ring stray across the other, so 100% is not always reachable (about 98% is).
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.Circles} (the CLI's
 * {@code train circles} also draws the decision boundary).
 */
public final class Circles {
    private Circles() {
    }

    /**
     * Trains the network and prints a line per epoch and the validation accuracy.
     *
     * @param out where to print
     * @return the validation accuracy
     */
    public static double run(PrintStream out) {
        Dataset data = Datasets.circles(42);
        data = new Dataset(data.features(), data.labels().reshape(data.size(), 1));  // BCE's target: [n, 1]
        Splits.TrainTest split = Splits.trainTestSplit(data, 0.2, 42, true);

        Mlp model = Mlp.builder().sizes(2, 20, 1).hiddenActivation(Activation.RELU)
                .outputActivation(Activation.SIGMOID).seed(42).build();           // a probability per point
        model.to(DType.FLOAT32);
        Loss loss = Losses.binaryCrossEntropy();
        Optimizer optimizer = Adam.builder(model.parameters()).lr(0.01).build();
        DataLoader train = DataLoader.builder(split.train()).batchSize(16).shuffle(true).seed(42).build();

        Trainer.fit(FitConfig.builder(model, loss, optimizer, train).epochs(150)
                .validation(DataLoader.of(split.test(), 80)).metrics(Metric.accuracy()).verbose(out).build());

        model.eval();
        int[] yTrue = Metrics.targetClasses(split.test().labels());
        int[] yPred = Metrics.predictedClasses(model.forward(split.test().features()), 0.5);  // p > 0.5: inner
        double accuracy = Metrics.accuracy(yTrue, yPred);
        out.printf("validation accuracy %.4f%n%s%n", accuracy, Metrics.confusionMatrix(yTrue, yPred));
        return accuracy;
    }

    /**
     * Runs the example.
     *
     * @param args none
     */
    public static void main(String[] args) {
        run(System.out);
    }
}
