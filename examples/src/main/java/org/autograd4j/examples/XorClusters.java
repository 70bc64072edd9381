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
 * The red/blue XOR clusters: two Gaussian clusters per class at opposite corners of the unit square, which no
 * straight line separates. A hidden layer of 8 sigmoid units is enough; the two outputs are logits for
 * cross-entropy. The smallest complete example: data, model, loss, optimizer, loader, training, scores.
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.XorClusters} (the CLI's
 * {@code train xor} trains the same network and also draws its decision boundary).
 */
public final class XorClusters {
    private XorClusters() {
    }

    /**
     * Trains the network and prints a line per epoch and the validation accuracy.
     *
     * @param out where to print
     * @return the validation accuracy
     */
    public static double run(PrintStream out) {
        Dataset data = Datasets.xorClusters(42);
        Splits.TrainTest split = Splits.trainTestSplit(data, 0.2, 42, true);   // 80/20, stratified, seeded

        Mlp model = Mlp.builder().sizes(2, 8, 2).hiddenActivation(Activation.SIGMOID).seed(42).build();
        model.to(DType.FLOAT32);                                               // the loaders' batches are FLOAT32
        Loss loss = Losses.crossEntropy();                                       // logits [n, 2], class indices [n]
        Optimizer optimizer = Adam.builder(model.parameters()).lr(0.05).build();
        DataLoader train = DataLoader.builder(split.train()).batchSize(16).shuffle(true).seed(42).build();

        Trainer.fit(FitConfig.builder(model, loss, optimizer, train).epochs(100)
                .validation(DataLoader.of(split.test(), 80)).metrics(Metric.accuracy()).verbose(out).build());

        model.eval();
        int[] yTrue = Metrics.targetClasses(split.test().labels());
        int[] yPred = Metrics.predictedClasses(model.forward(split.test().features()));
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
