package org.autograd4j.examples.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A way to run the {@code train} command's training on a cluster, found with {@link java.util.ServiceLoader} when
 * its module is on the class path (autograd4j-spark provides one for {@code --spark MASTER}); the command line itself
 * does not depend on it.
 */
public interface DistributedTraining {
    /**
     * Trains as {@link Experiment#run} would, on the cluster at {@code master}, prints the report (per-epoch progress
     * unless {@code quiet}) and saves the model in {@code dir}.
     *
     * @param problem the data and its task
     * @param spec the run's settings
     * @param master the cluster, e.g. {@code local[2]} or {@code spark://host:7077}
     * @param dir the output folder
     * @param out where the report goes
     * @param quiet whether to leave out the per-epoch progress
     * @return the files written
     * @throws TrainingDiverged if a loss became NaN or infinite (nothing is written then)
     */
    List<Path> train(Problem problem, TrainSpec spec, String master, Path dir, PrintWriter out, boolean quiet);
}
