package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the README example tests of this module share: the code between two markers in a test's own source, and what
 * its {@code println} calls must print (the comment line under each).
 */
final class ReadmeSnippets {
    static final Path README = Path.of("..", "README.md");

    private ReadmeSnippets() {
    }

    /** The lines of {@code self} between {@code // <marker>-START} and {@code // <marker>-END}, dedented. */
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
        assertTrue(start >= 0 && end > start, "markers " + marker + " not found in " + self);
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    /** The comment line under each {@code System.out.println(}, without its {@code // }. */
    static List<String> expectedPrints(List<String> code) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).trim().startsWith("System.out.println(")) {
                expected.add(code.get(i + 1).trim().substring(3));
            }
        }
        return expected;
    }

    /** Fails unless the README has {@code code} verbatim in a java block. */
    static void assertQuoted(List<String> code, String test) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String text = String.join("\n", code);
        assertTrue(readme.contains("```java\n" + text + "\n```"),
                "README.md must contain, in a ```java block, exactly this example from " + test + ":\n" + text);
    }
}
