package org.autograd4j.examples;

import static org.autograd4j.examples.CliRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** The version the CLI reports is the build's, not a string typed into the source. */
class CliVersionTest {
    @Test
    void versionIsTheProjectVersion() {
        String expected = System.getProperty("autograd4j.test.projectVersion");
        assertNotNull(expected, "the pom passes the project version to the tests");
        assertEquals(expected, Cli.version());
        assertEquals("autograd4j " + expected, run("--version").assertOk().out().lines().findFirst().orElseThrow());
    }
}
