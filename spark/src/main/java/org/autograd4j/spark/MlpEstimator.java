package org.autograd4j.spark;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.autograd4j.core.DType;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.data.StandardScaler;

/**
 * What {@link MlpClassifier} and {@link MlpRegressor} share: the parameters (Spark ML {@code Param}s, settable,
 * saved with a Pipeline), reading the features from a vector column or from numeric columns, the validation split,
 * distributed standardization, and training with {@link DataParallelTrainer}.
 *
 * @param <E> the concrete estimator (setters return it)
 * @param <M> the model it fits
 */
public abstract class MlpEstimator<E extends MlpEstimator<E, M>, M extends MlpModel<M>> extends Estimator<M>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    final Param<String> featuresCol;
    final StringArrayParam inputCols;
    final Param<String> labelCol;
    final Param<String> predictionCol;
    final IntArrayParam hiddenLayers;
    final Param<String> activation;
    final Param<String> optimizer;
    final DoubleParam learningRate;
    final DoubleParam weightDecay;
    final DoubleParam dropout;
    final IntParam batchSize;
    final IntParam maxEpochs;
    final LongParam seed;
    final DoubleParam validationFraction;
    final IntParam patience;
    final BooleanParam standardize;
    final IntParam localSteps;
    final Param<String> checkpointDir;

    MlpEstimator(String uid) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "the features: a vector column (used unless inputCols is set)");
        inputCols = new StringArrayParam(this, "inputCols", "numeric feature columns (instead of featuresCol)");
        labelCol = new Param<>(this, "labelCol", "the label column");
        predictionCol = new Param<>(this, "predictionCol", "the prediction column to add");
        hiddenLayers = new IntArrayParam(this, "hiddenLayers", "hidden layer sizes, e.g. [64, 32]");
        activation = new Param<>(this, "activation", "hidden activation: relu, leaky_relu, prelu, elu, gelu, tanh,"
                + " sigmoid");
        optimizer = new Param<>(this, "optimizer", "adam, adamw, sgd, momentum or rmsprop");
        learningRate = new DoubleParam(this, "learningRate", "the learning rate (> 0)");
        weightDecay = new DoubleParam(this, "weightDecay", "weight decay (>= 0; decoupled for adamw)");
        dropout = new DoubleParam(this, "dropout", "dropout after each hidden activation, in [0, 1)");
        batchSize = new IntParam(this, "batchSize", "rows per global mini-batch on average (>= 1)");
        maxEpochs = new IntParam(this, "maxEpochs", "the most epochs to train (>= 1)");
        seed = new LongParam(this, "seed", "the seed of the split, weights, batches and dropout");
        validationFraction = new DoubleParam(this, "validationFraction", "the share of rows held out for early"
                + " stopping, in [0, 1); 0: no validation split");
        patience = new IntParam(this, "patience", "epochs without a lower validation loss before stopping (0: off)");
        standardize = new BooleanParam(this, "standardize", "standardize features with the training split's moments");
        localSteps = new IntParam(this, "localSteps", "0: synchronous; k >= 1: parameter averaging every k steps");
        checkpointDir = new Param<>(this, "checkpointDir", "a driver-side directory for per-epoch checkpoints"
                + " (empty: none)");
        setDefault(featuresCol, "features");
        setDefault(inputCols, new String[0]);
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
        setDefault(hiddenLayers, new int[] {32});
        setDefault(activation, "relu");
        setDefault(optimizer, "adam");
        setDefault(learningRate, 1e-3);
        setDefault(weightDecay, 0.0);
        setDefault(dropout, 0.0);
        setDefault(batchSize, 32);
        setDefault(maxEpochs, 100);
        setDefault(seed, 42L);
        setDefault(validationFraction, 0.1);
        setDefault(patience, 10);
        setDefault(standardize, true);
        setDefault(localSteps, 0);
        setDefault(checkpointDir, "");
    }

    @Override
    public String uid() {
        return uid;
    }

    @SuppressWarnings("unchecked")
    private E self() {
        return (E) this;
    }

    /** The features vector column (default {@code features}). */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /** Numeric feature columns used instead of {@link #featuresCol()} when non-empty. */
    public StringArrayParam inputCols() {
        return inputCols;
    }

    /** The label column (default {@code label}). */
    public Param<String> labelCol() {
        return labelCol;
    }

    /** The prediction column (default {@code prediction}). */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /** Hidden layer sizes (default {@code [32]}). */
    public IntArrayParam hiddenLayers() {
        return hiddenLayers;
    }

    /** The hidden activation (default {@code relu}). */
    public Param<String> activation() {
        return activation;
    }

    /** The optimizer (default {@code adam}). */
    public Param<String> optimizer() {
        return optimizer;
    }

    /** The learning rate (default 0.001). */
    public DoubleParam learningRate() {
        return learningRate;
    }

    /** Weight decay (default 0). */
    public DoubleParam weightDecay() {
        return weightDecay;
    }

    /** Dropout probability (default 0). */
    public DoubleParam dropout() {
        return dropout;
    }

    /** Rows per mini-batch (default 32). */
    public IntParam batchSize() {
        return batchSize;
    }

    /** The most epochs (default 100). */
    public IntParam maxEpochs() {
        return maxEpochs;
    }

    /** The seed (default 42). */
    public LongParam seed() {
        return seed;
    }

    /** The validation share for early stopping (default 0.1). */
    public DoubleParam validationFraction() {
        return validationFraction;
    }

    /** Early stopping's patience in epochs (default 10; 0: off). */
    public IntParam patience() {
        return patience;
    }

    /** Whether features are standardized (default true). */
    public BooleanParam standardize() {
        return standardize;
    }

    /** 0 for synchronous training (default), k for parameter averaging every k local steps. */
    public IntParam localSteps() {
        return localSteps;
    }

    /** The checkpoint directory (default empty: none). */
    public Param<String> checkpointDir() {
        return checkpointDir;
    }

    /** Sets {@link #featuresCol()}. */
    public E setFeaturesCol(String v) {
        set(featuresCol, v);
        return self();
    }

    /** Sets {@link #inputCols()}. */
    public E setInputCols(String... v) {
        set(inputCols, v);
        return self();
    }

    /** Sets {@link #labelCol()}. */
    public E setLabelCol(String v) {
        set(labelCol, v);
        return self();
    }

    /** Sets {@link #predictionCol()}. */
    public E setPredictionCol(String v) {
        set(predictionCol, v);
        return self();
    }

    /** Sets {@link #hiddenLayers()}; each size {@code >= 1} (none: a linear model). */
    public E setHiddenLayers(int... v) {
        for (int h : v) {
            check(h >= 1, "hiddenLayers", Arrays.toString(v));
        }
        set(hiddenLayers, v.clone());
        return self();
    }

    /** Sets {@link #activation()}. */
    public E setActivation(String v) {
        MlpChoices.activation(v);
        set(activation, v);
        return self();
    }

    /** Sets {@link #optimizer()}. */
    public E setOptimizer(String v) {
        check(Arrays.asList("adam", "adamw", "sgd", "momentum", "rmsprop").contains(v), "optimizer", v);
        set(optimizer, v);
        return self();
    }

    /** Sets {@link #learningRate()}. */
    public E setLearningRate(double v) {
        check(v > 0 && Double.isFinite(v), "learningRate", v);
        set(learningRate, v);
        return self();
    }

    /** Sets {@link #weightDecay()}. */
    public E setWeightDecay(double v) {
        check(v >= 0 && Double.isFinite(v), "weightDecay", v);
        set(weightDecay, v);
        return self();
    }

    /** Sets {@link #dropout()}. */
    public E setDropout(double v) {
        check(v >= 0 && v < 1, "dropout", v);
        set(dropout, v);
        return self();
    }

    /** Sets {@link #batchSize()}. */
    public E setBatchSize(int v) {
        check(v >= 1, "batchSize", v);
        set(batchSize, v);
        return self();
    }

    /** Sets {@link #maxEpochs()}. */
    public E setMaxEpochs(int v) {
        check(v >= 1, "maxEpochs", v);
        set(maxEpochs, v);
        return self();
    }

    /** Sets {@link #seed()}. */
    public E setSeed(long v) {
        set(seed, v);
        return self();
    }

    /** Sets {@link #validationFraction()}. */
    public E setValidationFraction(double v) {
        check(v >= 0 && v < 1, "validationFraction", v);
        set(validationFraction, v);
        return self();
    }

    /** Sets {@link #patience()}. */
    public E setPatience(int v) {
        check(v >= 0, "patience", v);
        set(patience, v);
        return self();
    }

    /** Sets {@link #standardize()}. */
    public E setStandardize(boolean v) {
        set(standardize, v);
        return self();
    }

    /** Sets {@link #localSteps()}. */
    public E setLocalSteps(int v) {
        check(v >= 0, "localSteps", v);
        set(localSteps, v);
        return self();
    }

    /** Sets {@link #checkpointDir()}. */
    public E setCheckpointDir(String v) {
        set(checkpointDir, v);
        return self();
    }

    private void check(boolean ok, String name, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid " + name + " " + value);
        }
    }

    /** The optimizer factory the parameters describe. */
    OptimizerFactory optimizerFactory() {
        return MlpChoices.optimizer($(optimizer), (Double) $(learningRate), (Double) $(weightDecay));
    }

    /** The rows of {@code df} as training data, with this estimator's feature and label columns. */
    TrainingData data(Dataset<Row> df) {
        String[] cols = $(inputCols);
        return cols.length > 0 ? TrainingData.fromDataFrame(df, cols, $(labelCol))
                : TrainingData.fromDataFrame(df, $(featuresCol), $(labelCol));
    }

    /** Checks the input columns exist. */
    void checkInput(StructType schema) {
        String[] cols = $(inputCols);
        for (String c : cols.length > 0 ? cols : new String[] {$(featuresCol)}) {
            if (!Arrays.asList(schema.fieldNames()).contains(c)) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": no column '" + c + "' in "
                        + Arrays.toString(schema.fieldNames()));
            }
        }
    }

    /**
     * Trains a network of {@code outputs} outputs on {@code df} (labels already in training form) with {@code loss}:
     * the validation split, standardization fitted on the training split, data-parallel training.
     *
     * @return the predictor (weights and feature scaling), with the given target scaling
     */
    Predictor train(Dataset<Row> df, SparkLoss loss, int outputs, int numClasses, double labelMean,
            double labelScale) {
        double v = (Double) $(validationFraction);
        long s = (Long) $(seed);
        Dataset<Row>[] parts = v > 0 ? df.randomSplit(new double[] {1 - v, v}, s) : null;
        try (TrainingData raw = data(parts != null ? parts[0] : df)) {
            int d = raw.numFeatures();
            StandardScaler scaler = (Boolean) $(standardize) ? raw.fitScaler()
                    : new StandardScaler(new double[d], ones(d));
            int[] hidden = $(hiddenLayers);
            int[] sizes = new int[hidden.length + 2];
            sizes[0] = d;
            System.arraycopy(hidden, 0, sizes, 1, hidden.length);
            sizes[sizes.length - 1] = outputs;
            Mlp net = Mlp.builder().sizes(sizes).hiddenActivation(MlpChoices.activation($(activation)))
                    .dropout((Double) $(dropout)).seed(s).build();
            net.to(DType.FLOAT32);
            DataParallelTrainer.Builder b = DataParallelTrainer.builder(net, loss, optimizerFactory())
                    .batchSize((Integer) $(batchSize)).epochs((Integer) $(maxEpochs)).seed(s);
            if ((Integer) $(localSteps) > 0) {
                b.parameterAveraging((Integer) $(localSteps));
            }
            if (!$(checkpointDir).isEmpty()) {
                b.checkpointDir(Path.of($(checkpointDir)));
            }
            boolean validate = parts != null && (Integer) $(patience) > 0;
            if (validate) {
                b.earlyStopping((Integer) $(patience));
            }
            try (TrainingData train = raw.standardize(scaler);
                    TrainingData rawValidation = validate ? data(parts[1]) : null;
                    TrainingData validation = validate ? rawValidation.standardize(scaler) : null) {
                b.build().fit(train, validation);
            }
            return Predictor.of(net, scaler.mean(), scaler.scale(), numClasses, labelMean, labelScale);
        }
    }

    private static double[] ones(int d) {
        double[] o = new double[d];
        Arrays.fill(o, 1.0);
        return o;
    }
}
