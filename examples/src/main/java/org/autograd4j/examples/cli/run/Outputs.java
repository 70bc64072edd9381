package org.autograd4j.examples.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.examples.data.Task;
import org.autograd4j.examples.cli.plot.Plots;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.io.ModelIO;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.train.History;
import org.autograd4j.nn.metrics.Metrics;

/**
 * Writes what a training run leaves behind in its output folder: {@value #MODEL} (network, optimizer state and
 * {@link ModelMeta}), {@value #HISTORY} (one row per epoch), {@value #CURVES}, and for two-feature classifiers
 * {@value #BOUNDARY} or for regressions {@value #SCATTER}.
 */
public final class Outputs {
    /** The model file's name. */
    public static final String MODEL = "model.ag4j";
    /** The history file's name. */
    public static final String HISTORY = "history.csv";
    /** The learning curves' file name. */
    public static final String CURVES = "learning_curves.png";
    /** The decision boundary's file name. */
    public static final String BOUNDARY = "decision_boundary.png";
    /** The predicted-against-actual plot's file name. */
    public static final String SCATTER = "predicted_vs_actual.png";
    /** The prefix of the staging folder a run writes into before moving its files into place (then the pid). */
    static final String STAGING = ".staging-";

    private Outputs() {
    }

    /**
     * Checks that {@code dir} can serve as an output folder (it is created if missing), before any training, and
     * removes the staging folders that killed runs left in it.
     *
     * @param dir the output folder
     * @return {@code dir}
     * @throws IllegalArgumentException if it is a file or cannot be created, or if one of the files a run writes
     *                                  there is a directory
     */
    public static Path prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output " + dir + " exists and is not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the output folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("cannot write to the output folder " + dir);
        }
        checkTargets(dir);
        removeStaleStaging(dir);
        return dir;
    }

    /**
     * Removes {@code dir} if it is an empty folder (one a failed run created); quietly otherwise.
     *
     * @param dir the folder
     */
    public static void removeIfEmpty(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (!entries.iterator().hasNext()) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // Only clutter is at stake.
        }
    }

    /**
     * What a failed run says about its output folder, which it leaves as it was: e.g. {@code No files written;
     * runs/x/model.ag4j is the model of an earlier run, left as it was.}
     *
     * @param dir the output folder
     * @return the sentence
     */
    public static String nothingWritten(Path dir) {
        Path model = dir.resolve(MODEL);
        return Files.isRegularFile(model) ? "No files written; " + model + " is the model of an earlier run, left as it"
                + " was." : "No model written.";
    }

    /**
     * Saves the model, the history and the plots, all or none: each is written into a staging folder inside
     * {@code dir} first, and only when all are written are they moved into place (each move atomic), so a failure
     * leaves the previous run's files untouched.
     *
     * @param dir the output folder
     * @param outcome the trained model and its history
     * @param data the problem's rows (the decision boundary draws them)
     * @return the paths written: model, history, then the plots
     * @throws UncheckedIOException     if a file cannot be written (nothing in {@code dir} has changed then)
     * @throws IllegalArgumentException if a target name is taken by a directory
     */
    public static List<Path> save(Path dir, Experiment.Outcome outcome, Dataset data) {
        checkTargets(dir);
        Path staging = dir.resolve(STAGING + ProcessHandle.current().pid());
        try {
            deleteTree(staging);
            Files.createDirectories(staging);
            ModelIO.save(staging.resolve(MODEL), outcome.model(), outcome.optimizer(), outcome.meta().toMap());
            outcome.history().writeCsv(staging.resolve(HISTORY));
            List<Path> staged = new ArrayList<>(List.of(staging.resolve(MODEL), staging.resolve(HISTORY)));
            staged.addAll(plots(staging, outcome, data));
            List<Path> written = new ArrayList<>();
            for (Path p : staged) {
                Path target = dir.resolve(p.getFileName().toString());
                Files.move(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage() + "; no files written", e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(e.getMessage() + "; no files written to " + dir, e.getCause());
        } finally {
            deleteTree(staging);
        }
    }

    /** Fails if a file a run writes is a directory (a move would fail, or replace an empty one). */
    private static void checkTargets(Path dir) {
        for (String name : List.of(MODEL, HISTORY, CURVES, BOUNDARY, SCATTER)) {
            if (Files.isDirectory(dir.resolve(name))) {
                throw new IllegalArgumentException("output " + dir.resolve(name) + " is a directory; remove it or"
                        + " choose another folder with -o");
            }
        }
    }

    /** Removes {@code .staging-PID} folders whose process is gone (a killed run's). */
    private static void removeStaleStaging(Path dir) {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, STAGING + "*")) {
            for (Path p : all) {
                if (!alive(p.getFileName().toString().substring(STAGING.length())) && Files.isDirectory(p)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            // Leftovers are only clutter; the run itself does not depend on removing them.
        }
    }

    /**
     * Removes the temporary files {@code PREFIX<pid>.tmp} in {@code dir} that a killed process left (its pid is no
     * longer running); quietly, as cleanup.
     *
     * @param dir the folder
     * @param prefix e.g. {@code .train.csv.} for the split command's {@code .train.csv.1234.tmp}
     */
    public static void removeStaleTemporaries(Path dir, String prefix) {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp") && Files.isRegularFile(p)
                        && !alive(name.substring(prefix.length(), name.length() - ".tmp".length()))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // Leftovers are only clutter.
        }
    }

    /** Whether {@code pid} (text) names a running process; false for anything that is not a pid. */
    private static boolean alive(String pid) {
        return pid.matches("\\d{1,18}")
                && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Deletes a staging folder and its files (it holds no subfolders); quietly, as cleanup. */
    private static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Best effort: the next run removes what is left (removeStaleStaging).
        }
    }

    /**
     * The learning curves, and the boundary or scatter plot that suits the problem.
     *
     * @param dir the folder to write into
     * @param outcome the trained model and its history
     * @param data the problem's rows
     * @return the files written
     */
    public static List<Path> plots(Path dir, Experiment.Outcome outcome, Dataset data) {
        List<Path> written = new ArrayList<>();
        ModelMeta meta = outcome.meta();
        written.add(learningCurves(dir.resolve(CURVES), meta.datasetName(), outcome.history()));
        if (meta.task() == Task.CLASSIFICATION && data.numFeatures() == 2) {
            written.add(decisionBoundary(dir.resolve(BOUNDARY), meta.datasetName() + ": decision boundary",
                    outcome.model(), meta, data));
        } else if (meta.task() == Task.REGRESSION) {
            Evaluation v = outcome.validation();
            written.add(Plots.predictedVsActual(dir.resolve(SCATTER), String.format(java.util.Locale.ROOT,
                    "%s: predicted vs actual (validation, R² %.3f)", meta.datasetName(), v.r2()), v.actual(),
                    v.predictions()));
        }
        return written;
    }

    /**
     * Loss curves (training and validation) beside the other metrics' curves.
     *
     * @param file the image file to write (PNG)
     * @param title the chart's title
     * @param history the training history
     * @return {@code file}
     */
    public static Path learningCurves(Path file, String title, History history) {
        Map<String, double[]> losses = new LinkedHashMap<>();
        Map<String, double[]> metrics = new LinkedHashMap<>();
        for (String name : history.names()) {
            (name.equals("loss") || name.equals("val_loss") ? losses : metrics).put(name, history.get(name));
        }
        return Plots.learningCurves(file, title, losses, metrics);
    }

    /**
     * The decision regions of a two-feature classifier over its data, in the data's own units.
     *
     * @param file the image file to write (PNG)
     * @param title the chart's title
     * @param model the classifier, of two input features
     * @param meta its metadata, with the preprocessing
     * @param data the rows to draw
     * @return {@code file}
     */
    public static Path decisionBoundary(Path file, String title, Module model, ModelMeta meta, Dataset data) {
        double[] v = data.features().toDoubleArray();
        double[][] points = new double[data.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {v[2 * i], v[2 * i + 1]};
        }
        double[] box = Plots.bounds(points, 0);
        double margin = 0.1 * Math.max(box[1] - box[0], box[3] - box[2]);
        model.eval();
        return Plots.decisionBoundary(file, title, Plots.bounds(points, margin), 120, grid -> {
            Tensor x = meta.pre().transform(Tensor.of(grid).to(DType.FLOAT32));
            return Metrics.predictedClasses(meta.loss().probabilities(Predictions.forward(model, x)));
        }, points, data.classIndices(), meta.classNames());
    }
}
