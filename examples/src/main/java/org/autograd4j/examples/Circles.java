package org.autograd4j.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.run.Problem;
import org.autograd4j.examples.run.Recipes;

/**
 * Two concentric circles (scikit-learn's {@code make_circles} with noise 0.15 and factor 0.3), as in the Keras
 * lecture: a hidden layer of 20 ReLU units and one sigmoid output trained with binary cross-entropy. With this much
 * noise a few points of each ring stray across the other, so 100% validation accuracy is not always reachable; the
 * run reports what it reached and draws the decision boundary to {@code decision_boundary.png}.
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.Circles [OUTPUT_DIR]}
 */
public final class Circles {
    private Circles() {
    }

    /** Trains, saves and reports in {@code dir}. */
    public static Examples.Result run(Path dir, PrintWriter out) {
        Problem problem = Problem.builtin(Builtin.CIRCLES, Recipes.SEED, null, -1);
        return Examples.trainAndSave(problem, Recipes.of(Builtin.CIRCLES), dir, out);
    }

    /** Runs the example; the optional argument is the output folder (default {@code runs/circles}). */
    public static void main(String[] args) {
        run(Examples.outputDir(args, "circles"), Examples.stdout());
    }
}
