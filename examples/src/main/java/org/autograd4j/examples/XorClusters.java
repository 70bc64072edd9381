package org.autograd4j.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.run.Problem;
import org.autograd4j.examples.run.Recipes;

/**
 * The red/blue XOR clusters: two Gaussian clusters per class at opposite corners of the unit square, which no
 * straight line separates. A hidden layer of 8 sigmoid units and a softmax output (cross-entropy on the logits) learn
 * it; the decision regions are drawn to {@code decision_boundary.png}.
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.XorClusters [OUTPUT_DIR]}
 */
public final class XorClusters {
    private XorClusters() {
    }

    /** Trains, saves and reports in {@code dir}. */
    public static Examples.Result run(Path dir, PrintWriter out) {
        Problem problem = Problem.builtin(Builtin.XOR, Recipes.SEED, null, -1);
        return Examples.trainAndSave(problem, Recipes.of(Builtin.XOR), dir, out);
    }

    /** Runs the example; the optional argument is the output folder (default {@code runs/xor}). */
    public static void main(String[] args) {
        run(Examples.outputDir(args, "xor"), Examples.stdout());
    }
}
