package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's first example, compiled and run here. The README must contain the code between the markers below
 * verbatim (indentation removed), and what the code prints must be what its comments say; so the README and the
 * code cannot drift apart. Surefire runs in the module directory, so the README is at {@code ../README.md}.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SELF = Path.of("src", "test", "java", "org", "autograd4j", "core",
            "ReadmeExampleTest.java");

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
        assertEquals(expectedOutput(), printed);
    }

    @SuppressWarnings("try")
    private static void example() {
        // README-EXAMPLE-START
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}});              // shape [2, 2]
        Tensor w = Tensor.of(new double[] {0.5, -0.25}, 2, 1).requiresGrad(true);
        Tensor b = Tensor.scalar(0.1).requiresGrad(true);

        Tensor loss = x.matmul(w).add(b).tanh().sum();                      // a 0-d tensor
        loss.backward();                                                    // fills w.grad() and b.grad()
        System.out.println(loss);
        // tensor(0.6367, shape=[], dtype=FLOAT64, grad_fn=<SumBackward>)
        System.out.println(w.grad());
        // tensor([[3.1248],
        //         [4.8264]], shape=[2, 1], dtype=FLOAT64)

        // Gradients are differentiable again when asked: d/dt t³ = 3t², d²/dt² t³ = 6t
        Tensor t = Tensor.scalar(3).requiresGrad(true);
        Tensor dt = Autograd.grad(t.pow(3), List.of(t), true).get(0);
        Tensor dt2 = Autograd.grad(dt, List.of(t), false).get(0);
        System.out.println(dt.item() + " " + dt2.item());
        // 27.0 18.0

        try (var scope = Autograd.noGrad()) {                               // inference: nothing is recorded
            Tensor prediction = x.matmul(w).add(b).tanh();
            System.out.println(prediction.requiresGrad());
            // false
        }
        // README-EXAMPLE-END
    }

    /** The lines the example's comments say it prints: the comment lines right after each println. */
    private static List<String> expectedOutput() {
        return expectedOutput(snippet());
    }

    /** The lines a snippet's comments say it prints: the comment lines right after each println. */
    static List<String> expectedOutput(List<String> snippet) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < snippet.size(); i++) {
            if (snippet.get(i).trim().startsWith("System.out.println(")) {
                int before = expected.size();
                for (int j = i + 1; j < snippet.size() && snippet.get(j).trim().startsWith("// "); j++) {
                    expected.add(snippet.get(j).trim().substring(3));
                }
                assertTrue(expected.size() > before, "a println in the example is not followed by its output");
            }
        }
        assertFalse(expected.isEmpty());
        return expected;
    }

    @Test
    void readmeQuotesTheExampleVerbatim() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String code = String.join("\n", snippet());
        assertTrue(readme.contains("```java\n" + code + "\n```"),
                "README.md must contain, in a ```java block, exactly this example from ReadmeExampleTest:\n" + code);
    }

    /** The lines between the markers of this file, with their common indentation removed. */
    private static List<String> snippet() {
        return snippet(SELF, "README-EXAMPLE");
    }

    /** The lines of {@code self} between {@code // <marker>-START} and {@code -END}, common indentation removed. */
    static List<String> snippet(Path self, String marker) {
        List<String> lines;
        try {
            lines = Files.readAllLines(self, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + self.toAbsolutePath(), e);
        }
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).trim();
            if (s.equals("// " + marker + "-START")) {
                start = i;
            } else if (s.equals("// " + marker + "-END")) {
                end = i;
            }
        }
        assertTrue(start >= 0 && end > start, "markers not found in " + self);
        List<String> body = lines.subList(start + 1, end);
        int indent = Integer.MAX_VALUE;
        for (String l : body) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : body) {
            out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        return out;
    }
}
