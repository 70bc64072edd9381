package org.autograd4j.examples;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.autograd4j.examples.run.Experiment;
import org.autograd4j.examples.run.Outputs;
import org.autograd4j.examples.run.Problem;
import org.autograd4j.examples.run.Report;
import org.autograd4j.examples.run.TrainSpec;

/** What the example programs share: where they write, and one train-save-report run. */
public final class Examples {
    private Examples() {
    }

    /**
     * What an example run produced.
     *
     * @param outcome the trained model, history and scores
     * @param files   every file written: the model, the history, then the plots
     */
    public record Result(Experiment.Outcome outcome, List<Path> files) {
    }

    /** The output folder: the first argument, or {@code runs/NAME}. */
    public static Path outputDir(String[] args, String name) {
        return args.length > 0 ? Path.of(args[0]) : Path.of("runs", name);
    }

    /** Standard output as a UTF-8 writer that flushes every line. */
    public static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    }

    /**
     * Trains on {@code problem}, saves the model, history and plots in {@code dir}, and prints the progress, scores
     * and file paths to {@code out}.
     */
    public static Result trainAndSave(Problem problem, TrainSpec spec, Path dir, PrintWriter out) {
        Outputs.prepare(dir);
        Experiment.Outcome outcome = Experiment.run(problem, spec, out);
        List<Path> files = Outputs.save(dir, outcome, problem.data());
        Report.print(out, problem, spec, outcome, files);
        return new Result(outcome, files);
    }
}
