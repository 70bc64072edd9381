package org.autograd4j.examples;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.data.Splits;
import org.autograd4j.nn.data.StandardScaler;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.RmsProp;
import org.autograd4j.nn.optim.Sgd;
import org.autograd4j.nn.train.EarlyStopping;
import org.autograd4j.nn.train.FitConfig;
import org.autograd4j.nn.train.History;
import org.autograd4j.nn.metrics.Metric;
import org.autograd4j.nn.metrics.Metrics;
import org.autograd4j.nn.train.Trainer;

/**
 * The default job: the Wisconsin diagnostic breast-cancer data (569 fine-needle aspirates, 30 features, benign or
 * malignant), standardised on a stratified 80% training split, an MLP 30-32-16-2 with ReLU, Adam, and early stopping
 * on the validation loss with the best weights restored. Prints a line per epoch, then the validation accuracy
 * (about 96–98%, as the literature reports), precision and recall of "malignant", F1 and the confusion matrix.
 *
 * <p>{@link #compareOptimizers} then trains the same network from the same start with SGD, SGD with momentum,
 * RMSprop and Adam; the CLI's {@code train wdbc --compare-optimizers} also draws their losses.
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.BreastCancer}
 */
public final class BreastCancer {
    private BreastCancer() {
    }

    /**
     * Trains the network with early stopping and prints the validation scores.
     *
     * @param out where to print
     * @return the validation accuracy
     */
    public static double run(PrintStream out) {
        Splits.TrainTest split = Splits.trainTestSplit(Datasets.breastCancer(), 0.2, 42, true);
        StandardScaler scaler = StandardScaler.fit(split.train().features());
        Dataset train = scaler.transform(split.train());
        Dataset validation = scaler.transform(split.test());

        Mlp model = network();
        Optimizer optimizer = Adam.builder(model.parameters()).lr(1e-3).build();
        DataLoader loader = DataLoader.builder(train).batchSize(32).shuffle(true).seed(42).build();
        EarlyStopping stop = EarlyStopping.builder().monitor("val_loss").patience(15).restoreBestWeights(true).build();
        Trainer.fit(FitConfig.builder(model, Losses.crossEntropy(), optimizer, loader).epochs(200)
                .validation(DataLoader.of(validation, 128)).metrics(Metric.accuracy()).callbacks(stop)
                .verbose(out).build());

        model.eval();
        int[] yTrue = Metrics.targetClasses(validation.labels());                // 1 = malignant
        int[] yPred = Metrics.predictedClasses(model.forward(validation.features()));
        double accuracy = Metrics.accuracy(yTrue, yPred);
        out.printf("best epoch %d: accuracy %.4f, precision %.4f, recall %.4f, F1 %.4f%nconfusion matrix%n%s%n",
                stop.bestEpoch(), accuracy, Metrics.precision(yTrue, yPred), Metrics.recall(yTrue, yPred),
                Metrics.f1(yTrue, yPred), Metrics.confusionMatrix(yTrue, yPred));
        return accuracy;
    }

    /** 30 features, hidden layers of 32 and 16 ReLU units, two logits; the same weights every time (seed 42). */
    private static Mlp network() {
        Mlp model = Mlp.builder().sizes(30, 32, 16, 2).hiddenActivation(Activation.RELU).seed(42).build();
        model.to(DType.FLOAT32);
        return model;
    }

    /**
     * Trains {@link #network()} from the same start with four optimizers (the CLI's default learning rates) for
     * {@code epochs} epochs each, printing each one's last training and validation losses.
     *
     * @param out    where to print
     * @param epochs the epochs of each run, {@code >= 1}
     * @return each optimizer's history, by name
     */
    public static Map<String, History> compareOptimizers(PrintStream out, int epochs) {
        Splits.TrainTest split = Splits.trainTestSplit(Datasets.breastCancer(), 0.2, 42, true);
        StandardScaler scaler = StandardScaler.fit(split.train().features());
        Map<String, Function<List<Tensor>, Optimizer>> optimizers = new LinkedHashMap<>();
        optimizers.put("sgd", p -> Sgd.builder(p).lr(0.1).build());
        optimizers.put("momentum", p -> Sgd.builder(p).lr(0.01).momentum(0.9).build());
        optimizers.put("rmsprop", p -> RmsProp.builder(p).lr(0.001).build());
        optimizers.put("adam", p -> Adam.builder(p).lr(0.001).build());
        Map<String, History> runs = new LinkedHashMap<>();
        for (var entry : optimizers.entrySet()) {
            Mlp model = network();
            DataLoader loader = DataLoader.builder(scaler.transform(split.train())).batchSize(32).shuffle(true)
                    .seed(42).build();
            History h = Trainer.fit(FitConfig.builder(model, Losses.crossEntropy(), entry.getValue().apply(
                    model.parameters()), loader).validation(DataLoader.of(scaler.transform(split.test()), 128))
                    .epochs(epochs).build());
            out.printf("%-9s training loss %.4f, validation loss %.4f%n", entry.getKey(), h.last("loss"),
                    h.last("val_loss"));
            runs.put(entry.getKey(), h);
        }
        return runs;
    }

    /**
     * Runs the example: the default job, then the optimizer comparison over 60 epochs.
     *
     * @param args none
     */
    public static void main(String[] args) {
        run(System.out);
        System.out.println();
        compareOptimizers(System.out, 60);
    }
}
