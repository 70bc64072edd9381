package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.autograd4j.examples.data.CsvLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's outputs are all written or none; predict never overwrites its inputs and quotes its CSV properly. */
class CliOutputsTest {
    @TempDir
    Path dir;

    private Path trainIris(Path out) throws IOException {
        Path iris = CliRunner.dataset(dir, "iris.csv");
        run("train", iris.toString(), "--epochs", "2", "-q", "-o", out.toString()).assertOk();
        return iris;
    }

    @Test
    void aFailedSaveLeavesThePreviousRunsFilesUntouched() throws IOException {
        Path out = dir.resolve("run");
        Path iris = trainIris(out);
        byte[] model = Files.readAllBytes(out.resolve("model.ag4j"));
        byte[] history = Files.readAllBytes(out.resolve("history.csv"));
        Files.delete(out.resolve("learning_curves.png"));
        Files.createDirectories(out.resolve("learning_curves.png").resolve("inside"));
        CliRunner.Run r = run("train", iris.toString(), "--epochs", "3", "-q", "-o", out.toString())
                .assertUsageError();
        assertTrue(r.err().contains(out.resolve("learning_curves.png") + " is a directory"), r.err());
        assertArrayEquals(model, Files.readAllBytes(out.resolve("model.ag4j")));
        assertArrayEquals(history, Files.readAllBytes(out.resolve("history.csv")));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void aKilledRunsStagingFolderIsRemovedByTheNextRun() throws IOException {
        Path out = dir.resolve("run");
        Path stale = Files.createDirectories(out.resolve(".staging-999999999"));
        Files.writeString(stale.resolve("model.ag4j"), "half a model");
        trainIris(out);
        assertFalse(Files.exists(stale));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void splitRemovesTheTemporaryFilesOfAKilledSplit() throws IOException {
        Path iris = CliRunner.dataset(dir, "iris.csv");
        Path stale = dir.resolve(".a.csv.999999999.tmp");
        Files.writeString(stale, "half a split");
        run("split", iris.toString(), "--train-out", dir.resolve("a.csv").toString(), "--validation-out",
                dir.resolve("b.csv").toString()).assertOk();
        assertFalse(Files.exists(stale));
        assertTrue(Files.size(dir.resolve("a.csv")) > 0);
    }

    @Test
    void predictRefusesToOverwriteItsInputOrTheModel() throws IOException {
        Path out = dir.resolve("run");
        Path iris = trainIris(out);
        Path model = out.resolve("model.ag4j");
        byte[] before = Files.readAllBytes(iris);
        byte[] modelBefore = Files.readAllBytes(model);
        CliRunner.Run r = run("predict", "-m", model.toString(), iris.toString(), "-o",
                dir.resolve(".").resolve("iris.csv").toString()).assertUsageError();
        assertTrue(r.err().contains("is the input CSV"), r.err());
        r = run("predict", "-m", model.toString(), iris.toString(), "-o", model.toString()).assertUsageError();
        assertTrue(r.err().contains("is the model"), r.err());
        assertArrayEquals(before, Files.readAllBytes(iris));
        assertArrayEquals(modelBefore, Files.readAllBytes(model));
    }

    @Test
    void predictQuotesClassNamesWithCommasAndQuotes() throws IOException {
        List<String> lines = new ArrayList<>(List.of("a,b,label"));
        for (int i = 0; i < 40; i++) {
            double a = (i * 37 % 40) / 40.0;
            double b = (i * 11 % 40) / 40.0;
            lines.add(a + "," + b + "," + (a > b ? "\"yes, \"\"surely\"\"\"" : "no"));
        }
        Path csv = dir.resolve("quoted.csv");
        Files.write(csv, lines);
        Path out = dir.resolve("q");
        run("train", csv.toString(), "--epochs", "2", "-q", "-o", out.toString()).assertOk();
        Path predictions = dir.resolve("predictions.csv");
        run("predict", "-m", out.resolve("model.ag4j").toString(), csv.toString(), "-o", predictions.toString())
                .assertOk();
        CsvLines back = CsvLines.read(predictions, true);
        assertEquals(List.of("line", "prediction", "p(no)", "p(yes, \"surely\")"), back.names());
        for (CsvLines.Row row : back.rows()) {
            assertEquals(4, row.fields().size(), row.text());
            assertTrue(List.of("no", "yes, \"surely\"").contains(row.fields().get(1)), row.text());
        }
    }
}
