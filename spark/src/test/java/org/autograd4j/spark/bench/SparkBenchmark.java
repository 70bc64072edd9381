package org.autograd4j.spark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.cli.run.Experiment;
import org.autograd4j.examples.cli.run.Problem;
import org.autograd4j.examples.cli.run.Recipes;
import org.autograd4j.examples.cli.run.TrainSpec;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.spark.DataParallelTrainer;
import org.autograd4j.spark.EpochStats;
import org.autograd4j.spark.MlpClassificationModel;
import org.autograd4j.spark.MlpClassifier;
import org.autograd4j.spark.SparkLoss;
import org.autograd4j.spark.TrainingData;
import org.autograd4j.spark.TrainingResult;

/**
 * Measures data-parallel training on Spark (not a test: run it with {@code spark/bin/benchmark}). Prints three
 * Markdown tables: the cost of a synchronous step against partitions and model size, parameter averaging's
 * communication against accuracy, and our estimator against MLlib's {@code MultilayerPerceptronClassifier} on WDBC.
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    /**
     * Runs the three measurements.
     *
     * @param args optional: the master (default {@code local[2]})
     */
    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        SparkSession spark = SparkSession.builder().master(master).appName("autograd4j spark benchmark")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        System.out.println("master " + master + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        stepCost(sc);
        averaging(sc);
        againstMllib(spark);
        spark.stop();
    }

    /** Synthetic rows: Gaussian features, random labels (only the cost of a step matters here). */
    private static double[][] features(int n, int d, Random r) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    private static void stepCost(JavaSparkContext sc) {
        System.out.println("\n| model | parameters | partitions | ms/step | steps/s | compute ms/step | communication ms/step"
                + " | communication share | one machine ms/step |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        int rows = 4096;
        int batch = 256;
        for (int[] sizes : new int[][] {{30, 32, 16, 2}, {784, 128, 64, 10}}) {
            Random r = new Random(1);
            double[][] x = features(rows, sizes[0], r);
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                y[i] = r.nextInt(sizes[sizes.length - 1]);
            }
            double single = singleMachineStepMs(sizes, x, y, batch);
            for (int partitions : new int[] {1, 2, 4}) {
                Mlp m = Mlp.builder().sizes(sizes).seed(1).build();
                m.to(DType.FLOAT32);
                try (TrainingData data = TrainingData.fromArrays(sc, x, y, partitions)) {
                    List<EpochStats> epochs = new ArrayList<>();
                    DataParallelTrainer.builder(m, SparkLoss.crossEntropy(), p -> Adam.builder(p).lr(1e-3).build())
                            .batchSize(batch).epochs(3).seed(1).listener(epochs::add).build().fit(data);
                    // the first epoch warms the JIT and the executors' model pools: the last two count
                    double wall = 0;
                    double compute = 0;
                    double comm = 0;
                    int steps = 0;
                    for (EpochStats s : epochs.subList(1, 3)) {
                        wall += s.computeSeconds() + s.communicationSeconds() + s.driverSeconds();
                        compute += s.computeSeconds();
                        comm += s.communicationSeconds();
                        steps += s.jobs();
                    }
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.2f | %.1f | %.0f %% | %.2f |%n",
                            shape(sizes), m.parameterCount(), partitions, 1e3 * wall / steps, steps / wall,
                            1e3 * compute / steps, 1e3 * comm / steps, 100 * comm / wall, single);
                }
            }
        }
    }

    /** The same global batch's step on one machine (the ordinary nn loop), median-ish over 50 steps after 20. */
    private static double singleMachineStepMs(int[] sizes, double[][] x, double[] y, int batch) {
        Mlp m = Mlp.builder().sizes(sizes).seed(1).build();
        m.to(DType.FLOAT32);
        Optimizer opt = Adam.builder(m.parameters()).lr(1e-3).build();
        Tensor xb = Tensor.of(java.util.Arrays.copyOf(x, batch)).to(DType.FLOAT32);
        Tensor yb = Tensor.of(java.util.Arrays.copyOf(y, batch), batch);
        long start = 0;
        for (int i = 0; i < 70; i++) {
            if (i == 20) {
                start = System.nanoTime();
            }
            opt.zeroGrad();
            Losses.crossEntropy().compute(m.forward(xb), yb).backward();
            opt.step();
        }
        return (System.nanoTime() - start) / 1e6 / 50;
    }

    private static String shape(int[] sizes) {
        StringBuilder b = new StringBuilder();
        for (int s : sizes) {
            b.append(b.length() == 0 ? "" : "-").append(s);
        }
        return b.toString();
    }

    /** WDBC as the command line prepares it: the seeded stratified split, standardized on the training rows. */
    private static Experiment.Prepared wdbc() {
        Problem problem = Problem.builtin(Builtin.WDBC, Recipes.SEED, java.nio.file.Path.of("data/mnist"), -1);
        return Experiment.prepare(problem, Recipes.of(Builtin.WDBC));
    }

    private static double[][] rows(org.autograd4j.nn.data.Dataset d) {
        double[] flat = d.features().toDoubleArray();
        int f = d.numFeatures();
        double[][] x = new double[d.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = java.util.Arrays.copyOfRange(flat, i * f, (i + 1) * f);
        }
        return x;
    }

    private static void averaging(JavaSparkContext sc) {
        Experiment.Prepared p = wdbc();
        double[][] x = rows(p.train());
        double[] y = p.train().labels().toDoubleArray();
        double[][] vx = rows(p.validation());
        double[] vy = p.validation().labels().toDoubleArray();
        System.out.println("\n| WDBC, 2 partitions, 30 epochs | jobs/epoch | values exchanged/epoch | val accuracy |"
                + " val loss | seconds | communication s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int k : new int[] {0, 3, 15}) {
            Mlp m = Mlp.builder().sizes(30, 32, 16, 2).seed(Recipes.SEED).build();
            m.to(DType.FLOAT32);
            try (TrainingData train = TrainingData.fromArrays(sc, x, y, 2);
                    TrainingData validation = TrainingData.fromArrays(sc, vx, vy, 2)) {
                DataParallelTrainer.Builder b = DataParallelTrainer.builder(m, SparkLoss.crossEntropy(),
                        q -> Adam.builder(q).lr(1e-3).build()).batchSize(32).epochs(30).seed(Recipes.SEED);
                if (k > 0) {
                    b.parameterAveraging(k);
                }
                long start = System.nanoTime();
                TrainingResult r = b.build().fit(train, validation);
                double seconds = (System.nanoTime() - start) / 1e9;
                EpochStats last = r.epochs().get(r.epochs().size() - 1);
                long params = m.parameterCount();
                // per job and partition (2): the parameters down and the gradient sum up; when averaging,
                // parameters and Adam's two moments down and up
                long perJob = 2L * (k > 0 ? 6 * params : 2 * params);
                System.out.printf(Locale.ROOT, "| %s | %d | %,d | %.4f | %.4f | %.1f | %.1f |%n",
                        k == 0 ? "synchronous" : "averaging every " + k + " steps", last.jobs(),
                        last.jobs() * perJob, last.validationAccuracy().orElse(Double.NaN),
                        last.validationLoss().orElse(Double.NaN), seconds, r.communicationSeconds());
            }
        }
    }

    private static Dataset<Row> frame(SparkSession spark, double[][] x, double[] y) {
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(Vectors.dense(x[i]), y[i]));
        }
        return spark.createDataFrame(rows, schema).repartition(2).cache();
    }

    private static double accuracy(Dataset<Row> predictions) {
        return (double) predictions.filter("prediction = label").count() / predictions.count();
    }

    private static void againstMllib(SparkSession spark) {
        Experiment.Prepared p = wdbc();
        Dataset<Row> train = frame(spark, rows(p.train()), p.train().labels().toDoubleArray());
        Dataset<Row> validation = frame(spark, rows(p.validation()), p.validation().labels().toDoubleArray());
        train.count();
        validation.count();
        System.out.println("\n| WDBC 30-32-16-2, 455 training / 114 validation rows, 2 partitions | val accuracy |"
                + " fit seconds |");
        System.out.println("|---|---|---|");
        for (int iter : new int[] {100, 200}) {
            long start = System.nanoTime();
            MultilayerPerceptronClassificationModel m = new MultilayerPerceptronClassifier()
                    .setLayers(new int[] {30, 32, 16, 2}).setMaxIter(iter).setSeed(Recipes.SEED).fit(train);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "| MLlib MultilayerPerceptronClassifier (l-bfgs, sigmoid, maxIter %d) |"
                    + " %.4f | %.1f |%n", iter, accuracy(m.transform(validation)), seconds);
        }
        for (int k : new int[] {0, 15}) {
            long start = System.nanoTime();
            MlpClassificationModel m = new MlpClassifier().setHiddenLayers(32, 16).setMaxEpochs(200).setPatience(15)
                    .setValidationFraction(0.1).setStandardize(false).setLocalSteps(k).setSeed(Recipes.SEED)
                    .fit(train);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "| autograd4j MlpClassifier (relu, adam, batch 32, patience 15, %s) |"
                    + " %.4f | %.1f |%n", k == 0 ? "synchronous" : "averaging every 15 steps",
                    accuracy(m.transform(validation)), seconds);
        }
    }
}
