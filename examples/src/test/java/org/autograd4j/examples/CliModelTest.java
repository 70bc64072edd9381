package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.nn.io.Checkpoint;
import org.autograd4j.nn.io.ModelIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

/** Model files whose checksum is right but whose metadata lies; CSV headers that differ from the model's names. */
class CliModelTest {
    @TempDir
    static Path dir;
    static Path iris;
    static Path model;

    @BeforeAll
    static void trainIris() throws IOException {
        iris = CliRunner.dataset(dir, "iris.csv");
        run("train", iris.toString(), "--epochs", "3", "-q", "-o", dir.resolve("run").toString()).assertOk();
        model = dir.resolve("run").resolve("model.ag4j");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "classes|0\t1|metadata 'classes' lists 2 classes (loss cross-entropy: 2 outputs) but the output layer"
            + " (Mlp 4-16-8-3) has 3 units",
        "task|REGRESSION|metadata 'task' is REGRESSION but 'loss' cross-entropy is for CLASSIFICATION",
        "features|a\tb\tc|metadata 'features' lists 3 names but the input layer (Mlp 4-16-8-3) takes 4",
        "scaler.mean scaler.scale|0.5,0.5|metadata 'scaler.mean' holds 2 values for 4 features"})
    void aModelWhoseMetadataContradictsItsNetworkIsRefusedNamingTheField(String key, String value, String problem)
            throws IOException {
        Checkpoint c = ModelIO.load(model);
        Map<String, String> lie = new LinkedHashMap<>(c.metadata());
        for (String k : key.split(" ")) {
            lie.put(k, value);
        }
        Path forged = dir.resolve("forged-" + key.replace(' ', '-') + ".ag4j");
        ModelIO.save(forged, c.model(), null, lie);
        for (String command : new String[] {"evaluate", "predict"}) {
            CliRunner.Run r = run(command, "-m", forged.toString(), iris.toString()).assertUsageError();
            assertEquals(command + ": ModelIO.load: " + forged + ": " + problem, r.err().strip());
        }
    }

    @Test
    void aModelHoldingNaNWeightsIsRefused() throws IOException {
        Checkpoint c = ModelIO.load(model);
        Map.Entry<String, org.autograd4j.core.Tensor> first = c.model().namedParameters().entrySet().iterator()
                .next();
        first.getValue().floatArray()[0] = Float.NaN;
        Path diverged = dir.resolve("diverged.ag4j");
        ModelIO.save(diverged, c.model(), null, c.metadata());
        for (String command : new String[] {"evaluate", "predict"}) {
            CliRunner.Run r = run(command, "-m", diverged.toString(), iris.toString()).assertUsageError();
            assertEquals(command + ": model " + diverged + ": parameter '" + first.getKey() + "' holds NaN; the"
                    + " model diverged when it was trained and cannot predict", r.err().strip());
        }
    }

    @Test
    void aRowWhoseOutputOverflowsIsRefusedNamingItsLine() throws IOException {
        Path far = irisWith("far.csv", c -> {
            if (c.get(0).equals("5.1") && c.get(1).equals("3.5") && c.get(2).equals("1.4")) {
                c.set(0, "3e38");
            }
            return c;
        });
        for (String command : new String[] {"evaluate", "predict"}) {
            CliRunner.Run r = run(command, "-m", model.toString(), far.toString()).assertUsageError();
            assertTrue(r.err().startsWith(command + ": " + far + " line 2: the model's output is "), r.err());
        }
    }

    /** iris.csv with its header and every row transformed column-wise. */
    private static Path irisWith(String name, java.util.function.UnaryOperator<List<String>> columns)
            throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(iris)) {
            out.add(String.join(",", columns.apply(new ArrayList<>(List.of(line.split(","))))));
        }
        Path p = dir.resolve(name);
        Files.write(p, out);
        return p;
    }

    @Test
    void aRenamedColumnIsAWarningAndColumnsAreUsedByPosition() throws IOException {
        Path renamed = irisWith("renamed.csv", c -> {
            if (c.get(0).equals("sepal_length_cm")) {
                c.set(0, "sepal_length_mm");
            }
            return c;
        });
        for (String command : new String[] {"evaluate", "predict"}) {
            CliRunner.Run r = run(command, "-m", model.toString(), renamed.toString()).assertOk();
            assertTrue(r.err().contains("warning: " + renamed + "'s header differs from the model's feature names in"
                    + " 1 column (first: column 'sepal_length_mm' is where the model had 'sepal_length_cm')"),
                    command + ": " + r.err());
            assertFalse(run(command, "-m", model.toString(), renamed.toString(), "--ignore-names").err()
                    .contains("warning"), command);
        }
    }

    @Test
    void reorderedColumnsAreAnErrorUnlessToldToIgnoreNames() throws IOException {
        Path swapped = irisWith("swapped.csv", c -> {
            String first = c.get(0);
            c.set(0, c.get(1));
            c.set(1, first);
            return c;
        });
        for (String command : new String[] {"evaluate", "predict"}) {
            CliRunner.Run r = run(command, "-m", model.toString(), swapped.toString()).assertUsageError();
            assertTrue(r.err().contains(swapped + " has the model's feature columns in another order (column"
                    + " 'sepal_width_cm' is where the model had 'sepal_length_cm'); reorder them as in training, or"
                    + " pass --ignore-names"), command + ": " + r.err());
            run(command, "-m", model.toString(), swapped.toString(), "--ignore-names").assertOk();
        }
    }
}
