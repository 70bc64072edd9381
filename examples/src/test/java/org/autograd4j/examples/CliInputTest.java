package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input files: values a double holds but float32 does not, absurd class labels, bytes that are not UTF-8, a
 * directory, a paragraph in a field; each is one line naming the file, line and column, with status 2.
 */
class CliInputTest {
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

    /** iris.csv with the first field of its first data row (file line 2) replaced. */
    private static Path irisWith(String name, String field) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(iris));
        lines.set(1, field + lines.get(1).substring(lines.get(1).indexOf(',')));
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "3.5e38", "-1e39"})
    void aValueTooLargeForFloat32IsRefusedInTrainEvaluateAndPredict(String value) throws IOException {
        Path file = irisWith("big.csv", value);
        String where = file + " line 2: column 'sepal_length_cm' (0): '" + value + "' is too large for float32";
        for (String[] args : new String[][] {
            {"train", file.toString(), "-q", "-o", dir.resolve("big").toString()},
            {"evaluate", "-m", model.toString(), file.toString()},
            {"predict", "-m", model.toString(), file.toString()}}) {
            CliRunner.Run r = run(args).assertUsageError();
            assertTrue(r.err().contains(where), args[0] + ": " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("big").resolve("model.ag4j")));
    }

    @Test
    void aLabelFarBeyondTheClassesIsRefusedBeforeAnythingIsAllocated() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(iris));
        lines.set(5, lines.get(5).substring(0, lines.get(5).lastIndexOf(',') + 1) + "1000000");
        Path file = dir.resolve("label.csv");
        Files.write(file, lines);
        CliRunner.Run r = run("train", file.toString(), "-q", "-o", dir.resolve("label").toString())
                .assertUsageError();
        assertTrue(r.err().contains(file + " line 6: class label 1000000 is far beyond the 4 distinct labels"),
                r.err());
    }

    @Test
    void aLabelTheModelDoesNotKnowNamesItsFileLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(iris));
        lines.set(9, lines.get(9).substring(0, lines.get(9).lastIndexOf(',') + 1) + "7");
        Path file = dir.resolve("seven.csv");
        Files.write(file, lines);
        CliRunner.Run r = run("evaluate", "-m", model.toString(), file.toString()).assertUsageError();
        assertTrue(r.err().contains(file + " line 10: class label 7 is not one the model knows: it has 3 classes"),
                r.err());
    }

    @Test
    void aNonUtf8FileSaysSo() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "a,b,y\n0.1,0.2,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (String[] args : new String[][] {
            {"train", file.toString(), "-q", "-o", dir.resolve("l1").toString()},
            {"predict", "-m", model.toString(), file.toString()},
            {"split", file.toString(), "--train-out", dir.resolve("l1t.csv").toString()}}) {
            CliRunner.Run r = run(args).assertUsageError();
            assertTrue(r.err().contains(file + " is not UTF-8"), args[0] + ": " + r.err());
        }
    }

    @Test
    void aDirectoryGivenAsDataOrModelSaysSo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));
        for (String[] args : new String[][] {
            {"train", folder.toString(), "-q", "-o", dir.resolve("d1").toString()},
            {"evaluate", "-m", model.toString(), folder.toString()},
            {"predict", "-m", model.toString(), folder.toString()},
            {"evaluate", "-m", folder.toString(), iris.toString()}}) {
            CliRunner.Run r = run(args).assertUsageError();
            assertTrue(r.err().contains(folder + " is a directory"), String.join(" ", args) + ": " + r.err());
        }
    }

    @Test
    void aBadColumnNamesItsOption() {
        String[][] cases = {
            {"train", iris.toString(), "--label", "nope", "-q", "-o", dir.resolve("c").toString()},
            {"train", iris.toString(), "--ignore", "nope", "-q", "-o", dir.resolve("c").toString()},
            {"evaluate", "-m", model.toString(), iris.toString(), "--label", "nope"},
            {"predict", "-m", model.toString(), iris.toString(), "--ignore", "nope"}};
        for (String[] args : cases) {
            CliRunner.Run r = run(args).assertUsageError();
            String option = args[args.length - (args[0].equals("train") ? 5 : 2)];
            assertEquals(args[0] + ": " + option + ": " + iris + " has no column named 'nope' (its columns:"
                    + " sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm, species)", r.err().strip());
        }
        CliRunner.Run r = run("train", iris.toString(), "--label", "99", "-q", "-o", dir.resolve("c").toString())
                .assertUsageError();
        assertEquals("train: --label: column 99 is out of range: " + iris + " has 5 columns", r.err().strip());
    }

    @Test
    void aFloat32LabelIsPrintedAsWritten() {
        CliRunner.Run r = run("train", iris.toString(), "--label", "0", "-q", "-o", dir.resolve("f").toString())
                .assertUsageError();
        assertEquals("train: " + iris + " line 2: label 5.1 is not a class index (a whole number >= 0); use --loss"
                + " mse for a regression", r.err().strip());
    }

    @Test
    void anEchoedFieldIsCutToFortyCharacters() throws IOException {
        String paragraph = "x".repeat(500);
        Path file = irisWith("long.csv", paragraph);
        CliRunner.Run r = run("predict", "-m", model.toString(), file.toString()).assertUsageError();
        assertTrue(r.err().contains("'" + "x".repeat(37) + "...' is not a finite number"), r.err());
        assertTrue(r.err().length() < 300, r.err());
        CliRunner.Run t = run("train", file.toString(), "-q", "-o", dir.resolve("long").toString())
                .assertUsageError();
        assertEquals(-1, t.err().indexOf("x".repeat(41)), t.err());
        String[][] options = {{"--loss", paragraph}, {"--optimizer", paragraph}, {"--activation", paragraph},
            {"--hidden", paragraph}, {"--label", paragraph}};
        for (String[] o : options) {
            CliRunner.Run r2 = run("train", iris.toString(), o[0], o[1], "-q", "-o", dir.resolve("o").toString())
                    .assertUsageError();
            assertEquals(-1, r2.err().indexOf("x".repeat(41)), o[0] + ": " + r2.err());
            assertTrue(r2.err().contains("x".repeat(37) + "..."), o[0] + ": " + r2.err());
        }
        CliRunner.Run d = run("train", paragraph).assertUsageError();   // neither a built-in name nor a CSV path
        assertTrue(d.err().startsWith("train: unknown dataset '" + "x".repeat(37) + "...'"), d.err());
    }
}
