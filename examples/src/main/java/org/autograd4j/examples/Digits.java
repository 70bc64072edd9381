package org.autograd4j.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.run.Problem;
import org.autograd4j.examples.run.Recipes;

/**
 * Handwritten digits, 8×8 (UCI optdigits, 1797 images, 10 classes): standardised pixels, one hidden layer of 64 ReLU
 * units, softmax output, Adam with early stopping. Reaches about 97% validation accuracy in a few seconds.
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.Digits [OUTPUT_DIR]}
 */
public final class Digits {
    private Digits() {
    }

    /** Trains, saves and reports in {@code dir}. */
    public static Examples.Result run(Path dir, PrintWriter out) {
        Problem problem = Problem.builtin(Builtin.DIGITS, Recipes.SEED, null, -1);
        return Examples.trainAndSave(problem, Recipes.of(Builtin.DIGITS), dir, out);
    }

    /** Runs the example; the optional argument is the output folder (default {@code runs/digits}). */
    public static void main(String[] args) {
        run(Examples.outputDir(args, "digits"), Examples.stdout());
    }
}
