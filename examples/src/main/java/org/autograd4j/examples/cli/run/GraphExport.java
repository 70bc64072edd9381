package org.autograd4j.examples.cli.run;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.autograd4j.core.Graphs;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Module;

/**
 * {@code train --graph}: the recorded graph of the trained network's forward pass over one input row, as Graphviz DOT
 * ({@code graph.dot}, parameters named by their paths), and {@code graph.png} when Graphviz's {@code dot} program is on
 * the PATH.
 */
public final class GraphExport {
    /** The DOT file's name, next to the model. */
    public static final String DOT = "graph.dot";
    /** The picture's name, written when {@code dot} is on the PATH. */
    public static final String PNG = "graph.png";

    private GraphExport() {
    }

    /**
     * Writes the graph into {@code dir}.
     *
     * @param dir      the run's folder (where the model is)
     * @param model    the trained network; its first parameter is the first layer's weight {@code [in, out]}
     * @param out      where to say what was written, or why there is no PNG
     * @return the files written
     * @throws IOException if the file cannot be written
     */
    public static List<Path> write(Path dir, Module model, PrintWriter out) throws IOException {
        Tensor first = model.parameters().get(0);
        Map<String, Tensor> names = new LinkedHashMap<>();
        Tensor x = Tensor.full(0.0, first.dtype(), 1, first.shape()[0]);
        names.put("input", x);
        names.putAll(model.namedParameters());
        String dot = Graphs.toDot(model.apply(x), names);
        List<Path> written = new ArrayList<>();
        Path dotFile = dir.resolve(DOT);
        Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
        written.add(dotFile);
        Path program = onPath("dot");
        if (program == null) {
            out.println("graph: wrote " + dotFile + "; no " + PNG + ": the dot program (Graphviz) is not on the PATH"
                    + " (install Graphviz, then: dot -Tpng " + dotFile + " -o " + dir.resolve(PNG) + ")");
            return written;
        }
        Path png = dir.resolve(PNG);
        try {
            Process p = new ProcessBuilder(program.toString(), "-Tpng", dotFile.toString(), "-o", png.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                written.add(png);
            } else {
                p.destroy();
                out.println("graph: dot failed to render " + dotFile + "; no " + PNG);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return written;
    }

    /** The executable called {@code name} in a folder of the PATH, or null. */
    static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
