package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autograd4j.examples.cli.plot.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --compare-optimizers}: the breast-cancer example's comparison, one line per optimizer and a plot. */
class CompareOptimizersTest {
    private static final Pattern LINE = Pattern.compile(
            "(\\w+) +lr \\S+ +25 epochs: training loss ([0-9.]+), validation loss [0-9.]+, accuracy ([0-9.]+)");

    @TempDir
    Path dir;

    @Test
    void fourOptimizersLowerTheLossAndArePlottedTogether() throws IOException {
        String out = run("train", "wdbc", "--compare-optimizers", "--epochs", "25", "-o", dir.toString())
                .assertOk().out();
        Matcher m = LINE.matcher(out);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            assertTrue(Double.parseDouble(m.group(2)) < 0.2, () -> "training loss falls: " + out);
            assertTrue(Double.parseDouble(m.group(3)) >= 0.9, () -> "accuracy: " + out);
        }
        assertEquals(List.of("sgd", "momentum", "rmsprop", "adam"), names, out);
        Path png = dir.resolve("optimizer_comparison.png");
        assertTrue(out.contains("plot: " + png), out);
        CliImages.assertImage(png, 2 * Plots.WIDTH, Plots.HEIGHT);
        assertTrue(Files.notExists(dir.resolve("model.ag4j")), "a comparison saves no model");
    }

    @Test
    void optionsTheComparisonWouldIgnoreAreRefused() {
        String err = run("train", "--compare-optimizers", "--optimizer", "sgd", "-o", dir.toString())
                .assertUsageError().err();
        assertEquals("train: --compare-optimizers trains sgd, momentum, rmsprop and adam with their default learning"
                + " rates, without early stopping, on this machine; leave out --optimizer, --lr, --patience and"
                + " --spark", err.strip());
    }

    @Test
    void aRegressionIsComparedByItsLosses() {
        String out = run("train", "diabetes", "--compare-optimizers", "--epochs", "3", "-o", dir.toString())
                .assertOk().out();
        assertTrue(out.contains("adam      lr 0.001  3 epochs: training loss "), out);
        assertTrue(!out.contains("accuracy"), out);
    }
}
