package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --spark}: without autograd4j-spark on the class path (as here) it fails clearly, writing nothing. */
class SparkOptionTest {
    @TempDir
    Path dir;

    @Test
    void sparkWithoutTheSparkModuleIsAClearErrorAndWritesNothing() {
        Path out = dir.resolve("out");
        String err = CliRunner.run("train", "--spark", "local[2]", "-o", out.toString()).assertUsageError().err();
        assertEquals("train: --spark needs autograd4j-spark on the class path: run spark/bin/autograd4j-spark"
                + " train ... --spark local[2] (see README, \"Training on Spark\")", err.strip());
        assertFalse(Files.exists(out));
    }
}
