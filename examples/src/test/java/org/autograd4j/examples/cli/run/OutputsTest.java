package org.autograd4j.examples.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.autograd4j.examples.data.Builtin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs.save writes all of a run's files or none. */
class OutputsTest {
    @TempDir
    Path dir;

    @Test
    void aSaveThatFailsMidwayChangesNothingAndLeavesNoTemporaryFile() throws Exception {
        Problem xor = Problem.builtin(Builtin.XOR, Recipes.SEED, dir, -1);
        Experiment.Outcome first = Experiment.run(xor, Recipes.of(Builtin.XOR).withEpochs(1, 0), null);
        Path out = Outputs.prepare(dir.resolve("run"));
        List<Path> written = Outputs.save(out, first, xor.data());
        assertEquals(List.of(Outputs.MODEL, Outputs.HISTORY, Outputs.CURVES, Outputs.BOUNDARY),
                written.stream().map(p -> p.getFileName().toString()).toList());
        byte[] model = Files.readAllBytes(out.resolve(Outputs.MODEL));
        byte[] history = Files.readAllBytes(out.resolve(Outputs.HISTORY));

        Experiment.Outcome second = Experiment.run(xor, Recipes.of(Builtin.XOR).withEpochs(2, 0), null);
        // The staging folder's name taken by a file: nothing can be written; the first run's files must survive.
        Path blocker = out.resolve(Outputs.STAGING + ProcessHandle.current().pid());
        Files.writeString(blocker, "in the way");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Outputs.save(out, second,
                xor.data()));
        assertTrue(e.getMessage().endsWith("no files written"), e.getMessage());
        assertArrayEquals(model, Files.readAllBytes(out.resolve(Outputs.MODEL)));
        assertArrayEquals(history, Files.readAllBytes(out.resolve(Outputs.HISTORY)));
        Files.delete(blocker);

        Outputs.save(out, second, xor.data());
        assertFalse(java.util.Arrays.equals(history, Files.readAllBytes(out.resolve(Outputs.HISTORY))));
        try (var left = Files.list(out)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
    }
}
