package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Safety nets" example, compiled and run here as {@link ReadmeExampleTest} runs the first one: the
 * README quotes the code between the markers verbatim, and what it prints is what its comments say.
 */
class SafetyNetsExampleTest {
    private static final Path SELF = Path.of("src", "test", "java", "org", "autograd4j", "core",
            "SafetyNetsExampleTest.java");
    private static final String MARKER = "SAFETY-NETS-EXAMPLE";

    @Test
    void exampleRunsAndPrintsWhatItsCommentsSay() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            example();
        } finally {
            System.setOut(stdout);
        }
        List<String> printed = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(ReadmeExampleTest.expectedOutput(ReadmeExampleTest.snippet(SELF, MARKER)), printed);
    }

    @Test
    void readmeQuotesTheExampleVerbatim() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String code = String.join("\n", ReadmeExampleTest.snippet(SELF, MARKER));
        assertTrue(readme.contains("```java\n" + code + "\n```"),
                "README.md must contain, in a ```java block, exactly this example from SafetyNetsExampleTest:\n"
                        + code);
    }

    @SuppressWarnings("try")
    private static void example() {
        // SAFETY-NETS-EXAMPLE-START
        // Version counters: a tensor written after an op saved it fails the backward, instead of being used
        Tensor w = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor loss = w.mul(w).sum();
        w.array()[0] = 5;                                    // an in-place write, as an optimizer step makes
        try {
            loss.backward();
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage().split(": ")[1]);
            // one of the variables needed for gradient computation has been modified by an inplace operation
        }

        // Anomaly mode: the first op whose gradient is NaN or infinite is named, with where it was created
        try (var anomaly = Autograd.detectAnomaly()) {
            Tensor x = Tensor.of(new double[] {0, 4}).requiresGrad(true);
            x.sqrt().sum().backward();                       // d/dx sqrt(x) is infinite at 0
        } catch (AnomalyException e) {
            System.out.println(e.gradFn() + " " + e.getMessage().contains("created at"));
            // SqrtBackward true
        }
        // SAFETY-NETS-EXAMPLE-END
    }
}
