package org.autograd4j.examples;

import java.io.PrintStream;
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
import org.autograd4j.nn.train.EarlyStopping;
import org.autograd4j.nn.train.FitConfig;
import org.autograd4j.nn.metrics.Metrics;
import org.autograd4j.nn.train.Trainer;

/**
 * A regression on the diabetes data (Efron et al., 442 patients, 10 baseline variables, disease progression a year
 * later): standardised features and target, a 32-16 ReLU network with one output trained on mean squared error with
 * early stopping. Reports MAE and R² in the target's units (R² about 0.4–0.5 is what linear models reach on this data).
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.Diabetes} (the CLI's
 * {@code train diabetes} also draws the predictions against the truth).
 */
public final class Diabetes {
    private Diabetes() {
    }

    /**
     * Trains the network and prints a line per epoch, the validation MAE and R².
     *
     * @param out where to print
     * @return the validation R²
     */
    public static double run(PrintStream out) {
        Dataset data = Datasets.diabetes();
        Tensor y = data.labels().reshape(data.size(), 1);                       // MSE's target: [n, 1]
        Splits.TrainTest split = Splits.trainTestSplit(new Dataset(data.features(), y), 0.2, 42, false);
        StandardScaler xScaler = StandardScaler.fit(split.train().features());
        StandardScaler yScaler = StandardScaler.fit(split.train().labels());     // the target too: mean 0, std 1
        Dataset train = new Dataset(xScaler.transform(split.train().features()),
                yScaler.transform(split.train().labels()));
        Dataset validation = new Dataset(xScaler.transform(split.test().features()),
                yScaler.transform(split.test().labels()));

        Mlp model = Mlp.builder().sizes(10, 32, 16, 1).hiddenActivation(Activation.RELU).seed(42).build();
        model.to(DType.FLOAT32);
        Optimizer optimizer = Adam.builder(model.parameters()).lr(1e-3).build();
        DataLoader loader = DataLoader.builder(train).batchSize(32).shuffle(true).seed(42).build();
        EarlyStopping stop = EarlyStopping.builder().monitor("val_loss").patience(20).restoreBestWeights(true).build();
        Trainer.fit(FitConfig.builder(model, Losses.mse(), optimizer, loader).epochs(300)
                .validation(DataLoader.of(validation, 128)).callbacks(stop).verbose(out).build());

        model.eval();
        Tensor scaled = model.forward(validation.features());
        double[] yPred = yScaler.inverseTransform(scaled).toDoubleArray();      // back to the target's units
        double[] yTrue = split.test().labels().toDoubleArray();
        double r2 = Metrics.r2(yTrue, yPred);
        out.printf("validation MAE %.1f, R² %.3f%n", Metrics.mae(yTrue, yPred), r2);
        return r2;
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
