package org.autograd4j.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.run.Problem;
import org.autograd4j.examples.run.Recipes;

/**
 * A regression on the diabetes data (Efron et al., 442 patients, 10 baseline variables, disease progression a year
 * later): standardised features and target, a 32-16 ReLU network trained on mean squared error. Reports MSE, MAE and
 * R² in the target's units (R² about 0.4–0.5 is what linear models reach on this data) and draws the predictions
 * against the truth to {@code predicted_vs_actual.png}.
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.Diabetes [OUTPUT_DIR]}
 */
public final class Diabetes {
    private Diabetes() {
    }

    /** Trains, saves and reports in {@code dir}. */
    public static Examples.Result run(Path dir, PrintWriter out) {
        Problem problem = Problem.builtin(Builtin.DIABETES, Recipes.SEED, null, -1);
        return Examples.trainAndSave(problem, Recipes.of(Builtin.DIABETES), dir, out);
    }

    /** Runs the example; the optional argument is the output folder (default {@code runs/diabetes}). */
    public static void main(String[] args) {
        run(Examples.outputDir(args, "diabetes"), Examples.stdout());
    }
}
