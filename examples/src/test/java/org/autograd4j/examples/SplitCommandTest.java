package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** split: stratified, seeded, rows copied unchanged, header kept, and the 42 school's headerless UCI layout. */
class SplitCommandTest {
    @TempDir
    Path dir;

    @Test
    void stratifiedAndReproducible() throws IOException {
        Path wdbc = CliRunner.dataset(dir, "wdbc.csv");
        String out = run("split", wdbc.toString(), "--validation", "0.2", "--seed", "7").assertOk().out();
        assertTrue(out.contains("455 training rows (0: 285, 1: 170)"), out);
        assertTrue(out.contains("114 validation rows (0: 72, 1: 42)"), out);
        List<String> all = Files.readAllLines(wdbc);
        List<String> train = Files.readAllLines(dir.resolve("wdbc_train.csv"));
        List<String> validation = Files.readAllLines(dir.resolve("wdbc_validation.csv"));
        assertEquals(all.get(0), train.get(0), "header kept");
        assertEquals(all.get(0), validation.get(0), "header kept");
        List<String> rows = new ArrayList<>(train.subList(1, train.size()));
        rows.addAll(validation.subList(1, validation.size()));
        assertEquals(new HashSet<>(all.subList(1, all.size())), new HashSet<>(rows), "every row once, unchanged");
        assertEquals(all.size() - 1, rows.size());

        Path again = dir.resolve("again.csv");
        run("split", wdbc.toString(), "--seed", "7", "--validation-out", again.toString(), "--train-out",
                dir.resolve("again_train.csv").toString()).assertOk();
        assertEquals(validation, Files.readAllLines(again), "same seed, same split");
        run("split", wdbc.toString(), "--seed", "8", "--validation-out", again.toString(), "--train-out",
                dir.resolve("again_train.csv").toString()).assertOk();
        assertTrue(!validation.equals(Files.readAllLines(again)), "another seed, another split");
    }

    @Test
    void headerlessFileWithTextLabels() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add((1000 + i) + "," + (i % 4 == 0 ? "M" : "B") + "," + i * 0.5 + "," + (i % 7));
        }
        Path data = dir.resolve("data.csv");
        Files.write(data, lines);
        String out = run("split", data.toString(), "--no-header", "--label", "1", "--validation", "0.2")
                .assertOk().out();
        assertTrue(out.contains("80 training rows (B: 60, M: 20)"), out);
        assertTrue(out.contains("20 validation rows (B: 15, M: 5)"), out);
        List<String> validation = Files.readAllLines(dir.resolve("data_validation.csv"));
        assertEquals(20, validation.size());
        assertTrue(lines.containsAll(validation));
    }

    @Test
    void badFractionAndColumn() throws IOException {
        Path wdbc = CliRunner.dataset(dir, "wdbc.csv");
        assertTrue(run("split", wdbc.toString(), "--validation", "1.5").assertUsageError().err()
                .contains("split: --validation must be in (0, 1), got 1.5"));
        assertTrue(run("split", wdbc.toString(), "--label", "diagnosis").assertUsageError().err()
                .contains("no column named 'diagnosis'"));
        assertTrue(run("split", wdbc.toString(), "--label", "40").assertUsageError().err()
                .contains("column 40 is out of range"));
        assertTrue(run("split", wdbc.toString(), "--train-out", wdbc.toString()).assertUsageError().err()
                .contains("split: an output would overwrite the input file"));
        assertEquals(List.of("wdbc.csv"), Files.list(dir).map(p -> p.getFileName().toString()).toList(),
                "nothing written");
    }
}
