package org.autograd4j.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.data.MnistData;
import org.autograd4j.examples.run.Problem;
import org.autograd4j.examples.run.Recipes;
import org.autograd4j.examples.run.TrainSpec;

/**
 * MNIST with an MLP 784-256-128-10 (ReLU, softmax output), Adam (lr 0.001, batch 64) for up to 10 epochs with early
 * stopping on 5000 held-out training images, then scored on the 10000 test images: about 98% test accuracy, in a
 * few minutes on two cores. Reads the IDX files from {@code data/mnist/} (or the folder given as second argument).
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.Mnist [OUTPUT_DIR
 * [MNIST_DIR]]}
 */
public final class Mnist {
    private Mnist() {
    }

    /**
     * Trains on the first {@code trainImages} training images (all for {@code < 0}) for at most {@code epochs}
     * epochs and scores on the first {@code min(trainImages, 10000)} test images (all for {@code < 0}).
     */
    public static Examples.Result run(Path dir, PrintWriter out, Path mnistDir, int trainImages, int epochs) {
        Problem problem = Problem.builtin(Builtin.MNIST, Recipes.SEED, mnistDir, trainImages);
        TrainSpec spec = Recipes.of(Builtin.MNIST).withEpochs(epochs, Recipes.of(Builtin.MNIST).patience());
        return Examples.trainAndSave(problem, spec, dir, out);
    }

    /** Runs the example on all 60000 training images. */
    public static void main(String[] args) {
        Path dir = Examples.outputDir(args, "mnist");
        Path data = args.length > 1 ? Path.of(args[1]) : MnistData.DEFAULT_DIR;
        run(dir, Examples.stdout(), data, -1, Recipes.of(Builtin.MNIST).epochs());
    }
}
