package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.autograd4j.examples.cli.plot.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plots that only some problems get: decision boundaries in two dimensions, predictions of a regression. */
class CliPlotsTest {
    @TempDir
    Path dir;

    @Test
    void twoFeaturesGetADecisionBoundary() throws IOException {
        String out = run("train", "xor", "--epochs", "3", "-o", dir.toString()).assertOk().out();
        Path png = dir.resolve("decision_boundary.png");
        assertTrue(out.contains(png.toString()), out);
        CliImages.assertImage(png, Plots.WIDTH, Plots.HEIGHT);
        CliImages.assertImage(dir.resolve("learning_curves.png"), 2 * Plots.WIDTH, Plots.HEIGHT);
    }

    @Test
    void aRegressionGetsPredictedAgainstActual() throws IOException {
        String out = run("train", "diabetes", "--epochs", "3", "-o", dir.toString()).assertOk().out();
        Path png = dir.resolve("predicted_vs_actual.png");
        assertTrue(out.contains(png.toString()), out);
        CliImages.assertImage(png, Plots.WIDTH, Plots.HEIGHT);
    }
}
