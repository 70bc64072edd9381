package org.autograd4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Examples" section quotes {@code XorClusters} verbatim (indentation aside), so the shape it shows is
 * code that compiles and learns ({@link ExamplesTest}). Surefire runs in the module directory.
 */
class ExamplesReadmeTest {
    @Test
    void readmeQuotesXorClusters() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("\n## Examples"));
        int start = section.indexOf("```java\n") + "```java\n".length();
        List<String> quoted = lines(section.substring(start, section.indexOf("```", start)));
        List<String> source = lines(Files.readString(
                Path.of("src", "main", "java", "org", "autograd4j", "examples", "XorClusters.java")));
        assertTrue(quoted.size() > 10, () -> "the README's Examples section quotes code: " + quoted);
        assertTrue(Collections.indexOfSubList(source, quoted) >= 0,
                () -> "README's XorClusters code differs from XorClusters.java:\n" + String.join("\n", quoted));
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
