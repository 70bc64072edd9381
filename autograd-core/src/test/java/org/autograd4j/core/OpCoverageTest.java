package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The meta-test: every op (a top-level class of the main code extending {@link Node}) has a {@code <Op>Properties}
 * class in this package, so a new op cannot land without its gradient, shape and forward properties.
 */
class OpCoverageTest {
    private static final String PACKAGE = Node.class.getPackageName();

    @Test
    void everyOpHasAPropertiesClass() throws IOException, URISyntaxException {
        List<Class<?>> ops = opClasses();
        assertTrue(ops.contains(Add.class) && ops.contains(MatMul.class),
                () -> "the scan of the compiled main classes found no ops, or not all: " + ops);
        List<String> missing = missingProperties(ops);
        assertTrue(missing.isEmpty(), () -> "ops without a properties class (add <Op>Properties in src/test/java/"
                + PACKAGE.replace('.', '/') + "): " + missing);
    }

    /** The check itself: an op defined here, with no properties class, is named; a covered one is not. */
    @Test
    void namesAnOpThatHasNoPropertiesClass() {
        assertEquals(List.of("UncoveredOp"), missingProperties(List.of(Add.class, UncoveredOp.class, Sum.class)));
    }

    /** The top-level, concrete subclasses of {@link Node} among the compiled main classes of the package. */
    static List<Class<?>> opClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Node.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        assertTrue(Files.isDirectory(dir), () -> "expected the compiled main classes in a directory, got " + root);
        List<Class<?>> ops = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class") || file.contains("$") || file.equals("package-info.class")) {
                    continue;
                }
                Class<?> c = load(PACKAGE + "." + file.substring(0, file.length() - ".class".length()));
                if (c != null && c != Node.class && Node.class.isAssignableFrom(c)
                        && !Modifier.isAbstract(c.getModifiers()) && !c.isAnonymousClass() && !c.isMemberClass()) {
                    ops.add(c);
                }
            }
        }
        return ops;
    }

    /** The simple names of the ops that have no {@code <SimpleName>Properties} class on the test classpath. */
    static List<String> missingProperties(List<Class<?>> ops) {
        List<String> missing = new ArrayList<>();
        for (Class<?> op : ops) {
            if (load(PACKAGE + "." + op.getSimpleName() + "Properties") == null) {
                missing.add(op.getSimpleName());
            }
        }
        return missing;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpCoverageTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** An op without properties, for the check of the check. */
    static final class UncoveredOp extends Node {
        UncoveredOp(Tensor x) {
            super(x);
        }

        @Override
        Tensor[] backward(Tensor gradOut) {
            return new Tensor[] {gradOut};
        }
    }
}
