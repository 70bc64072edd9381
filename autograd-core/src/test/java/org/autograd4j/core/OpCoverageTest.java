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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The meta-test: every op (a top-level class of the main code extending {@link Node}) has a {@code <Op>Properties}
 * class in this package, so a new op cannot land without its gradient, shape and forward properties. Composites (ops
 * written as other ops, with no class of their own) are held to the same rule through the public methods of
 * {@link Tensor}: every one that computes a tensor is exercised by a properties class, its own
 * ({@code logSigmoid} by {@code LogSigmoidProperties}) or the one {@link #COVERED_BY} names.
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

    /** Public methods of Tensor that compute no differentiable tensor: creation, autograd state, metadata. */
    private static final Set<String> NOT_OPS = Set.of("of", "scalar", "zeros", "ones", "full", "arange", "eye", "rand",
            "randn", "requiresGrad", "isLeaf", "grad", "zeroGrad", "setGrad", "detach", "backward",
            "shape", "size", "rank", "dtype", "item", "toDoubleArray", "toFloatArray", "array", "floatArray", "gradFn",
            "readArray", "readFloatArray", "toLongArray", "version", "registerHook", "toString", "equals", "hashCode",
            // comparisons and positions: no gradient, value tests in TensorTest, ApiContractTest, ErrorMessagesTest
            "gt", "ge", "lt", "le", "eq", "argmax", "argmin");
    /** The methods of {@link #NOT_OPS} that the README's table lists all the same. */
    private static final Set<String> COMPARISONS = Set.of("gt", "ge", "lt", "le", "eq", "argmax", "argmin");

    /** Methods whose properties live in a class not named after them (composites, and several methods of one op). */
    private static final Map<String, String> COVERED_BY = Map.ofEntries(
            Map.entry("square", "PowProperties"), Map.entry("minimum", "MaximumProperties"),
            Map.entry("addmm", "AddMmProperties"), Map.entry("matmul", "MatMulProperties"),
            Map.entry("transpose", "PermuteProperties"), Map.entry("unsqueeze", "ReshapeProperties"),
            Map.entry("tile", "RepeatProperties"), Map.entry("chunk", "SplitProperties"),
            Map.entry("outer", "DotProperties"),
            Map.entry("stack", "ConcatProperties"), Map.entry("mean", "SumProperties"),
            Map.entry("min", "MaxProperties"), Map.entry("softmax", "LogSoftmaxProperties"),
            Map.entry("amin", "AmaxProperties"), Map.entry("to", "CastProperties"));
    /**
     * Every public method of Tensor that computes a tensor is called by its properties class: a composite cannot land
     * without properties either. The class's source is read to find the call.
     */
    @Test
    void everyPublicTensorMethodHasAPropertiesClass() throws IOException {
        Set<String> methods = new TreeSet<>();
        for (java.lang.reflect.Method m : Tensor.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !NOT_OPS.contains(m.getName())) {
                methods.add(m.getName());
            }
        }
        assertTrue(methods.containsAll(List.of("add", "matmul", "sum")), () -> "scan found " + methods);
        List<String> missing = new ArrayList<>();
        for (String m : methods) {
            String properties = propertiesOf(m);
            Path source = Path.of("src/test/java", PACKAGE.replace('.', '/'), properties + ".java");
            if (!Files.isRegularFile(source) || !calls(Files.readString(source), m)) {
                missing.add(m + " (expected a call in " + properties + ")");
            }
        }
        assertTrue(missing.isEmpty(), () -> "public Tensor methods without properties: " + missing + "; add the "
                + "class, or name it in OpCoverageTest.COVERED_BY, or list a method that computes no tensor in "
                + "NOT_OPS");
    }

    /** The README's table of operations names every public method of Tensor that computes a tensor. */
    @Test
    void theReadmeTableListsEveryOp() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("### Operations");
        assertTrue(start >= 0, "README.md has no '### Operations' section");
        String table = readme.substring(start, readme.indexOf("\n#", start + 1));
        List<String> missing = new ArrayList<>();
        for (java.lang.reflect.Method m : Tensor.class.getDeclaredMethods()) {
            String name = m.getName();
            if (Modifier.isPublic(m.getModifiers()) && (!NOT_OPS.contains(name) || COMPARISONS.contains(name))
                    && !java.util.regex.Pattern.compile("`(Tensor\\.)?" + name + "[`(]").matcher(table).find()
                    && !missing.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), () -> "README.md's table of operations does not list " + missing);
    }

    /** The check itself: a method nobody calls is named, a covered one is not. */
    @Test
    void aMethodIsCoveredOnlyWhereItIsCalled() {
        assertTrue(calls("x -> x.logSigmoid()", "logSigmoid") && calls("Tensor::pow", "pow"));
        assertTrue(!calls("x.logSigmoidX()", "logSigmoid") && !calls("// logSigmoid", "logSigmoid"));
        assertEquals("MaximumProperties", propertiesOf("minimum"));
        assertEquals("LogSigmoidProperties", propertiesOf("logSigmoid"));
    }

    static String propertiesOf(String method) {
        return COVERED_BY.getOrDefault(method, Character.toUpperCase(method.charAt(0)) + method.substring(1)
                + "Properties");
    }

    static boolean calls(String source, String method) {
        return java.util.regex.Pattern.compile("\\." + method + "\\(|::" + method + "(?!\\w)").matcher(source)
                .find();
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
