package org.autograd4j.spark;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.autograd4j.core.DType;
import org.autograd4j.nn.Mlp;
import org.autograd4j.nn.data.StandardScaler;

/**
 * What {@link MlpClassifier} and {@link MlpRegressor} share: setting the parameters of {@link MlpParams} (checked;
 * each setter returns the estimator), reading the features from a vector column or from numeric columns, the
 * validation split, distributed standardization, and training with {@link DataParallelTrainer}.
 *
 * @param <E> the concrete estimator (setters return it)
 * @param <M> the model it fits
 */
public abstract class MlpEstimator<E extends MlpEstimator<E, M>, M extends MlpModel<M>> extends MlpParams<M>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    MlpEstimator(String uid) {
        super(uid);
    }

    @SuppressWarnings("unchecked")
    private E self() {
        return (E) this;
    }

    /**
     * Sets {@link #featuresCol()}.
     *
     * @param v the column name
     * @return this estimator
     */
    public E setFeaturesCol(String v) {
        set(featuresCol, v);
        return self();
    }

    /**
     * Sets {@link #inputCols()}.
     *
     * @param v the column names
     * @return this estimator
     */
    public E setInputCols(String... v) {
        set(inputCols, v);
        return self();
    }

    /**
     * Sets {@link #labelCol()}.
     *
     * @param v the column name
     * @return this estimator
     */
    public E setLabelCol(String v) {
        set(labelCol, v);
        return self();
    }

    /**
     * Sets {@link #predictionCol()}.
     *
     * @param v the column name
     * @return this estimator
     */
    public E setPredictionCol(String v) {
        set(predictionCol, v);
        return self();
    }

    /**
     * Sets {@link #hiddenLayers()}; each size {@code >= 1} (none: a linear model).
     *
     * @param v the hidden layer sizes, each {@code >= 1}, from the input side
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setHiddenLayers(int... v) {
        for (int h : v) {
            check(h >= 1, "hiddenLayers", Arrays.toString(v));
        }
        set(hiddenLayers, v.clone());
        return self();
    }

    /**
     * Sets {@link #activation()}.
     *
     * @param v the activation's name
     * @return this estimator
     * @throws IllegalArgumentException for an unknown name
     */
    public E setActivation(String v) {
        MlpChoices.activation(v);
        set(activation, v);
        return self();
    }

    /**
     * Sets {@link #optimizer()}.
     *
     * @param v the optimizer's name
     * @return this estimator
     * @throws IllegalArgumentException for an unknown name
     */
    public E setOptimizer(String v) {
        check(Arrays.asList("adam", "adamw", "sgd", "momentum", "rmsprop").contains(v), "optimizer", v);
        set(optimizer, v);
        return self();
    }

    /**
     * Sets {@link #learningRate()}.
     *
     * @param v the learning rate, finite and {@code > 0}
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setLearningRate(double v) {
        check(v > 0 && Double.isFinite(v), "learningRate", v);
        set(learningRate, v);
        return self();
    }

    /**
     * Sets {@link #weightDecay()}.
     *
     * @param v the weight decay, finite and {@code >= 0}
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setWeightDecay(double v) {
        check(v >= 0 && Double.isFinite(v), "weightDecay", v);
        set(weightDecay, v);
        return self();
    }

    /**
     * Sets {@link #dropout()}.
     *
     * @param v the dropout probability, in [0, 1)
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setDropout(double v) {
        check(v >= 0 && v < 1, "dropout", v);
        set(dropout, v);
        return self();
    }

    /**
     * Sets {@link #batchSize()}.
     *
     * @param v the rows per step, {@code >= 1}
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setBatchSize(int v) {
        check(v >= 1, "batchSize", v);
        set(batchSize, v);
        return self();
    }

    /**
     * Sets {@link #maxEpochs()}.
     *
     * @param v the epoch count, {@code >= 1}
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setMaxEpochs(int v) {
        check(v >= 1, "maxEpochs", v);
        set(maxEpochs, v);
        return self();
    }

    /**
     * Sets {@link #seed()}.
     *
     * @param v the seed
     * @return this estimator
     */
    public E setSeed(long v) {
        set(seed, v);
        return self();
    }

    /**
     * Sets {@link #validationFraction()}.
     *
     * @param v the held-out share, in [0, 1)
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setValidationFraction(double v) {
        check(v >= 0 && v < 1, "validationFraction", v);
        set(validationFraction, v);
        return self();
    }

    /**
     * Sets {@link #patience()}.
     *
     * @param v the epochs without improvement, {@code >= 0} (0: off)
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setPatience(int v) {
        check(v >= 0, "patience", v);
        set(patience, v);
        return self();
    }

    /**
     * Sets {@link #standardize()}.
     *
     * @param v whether to standardize
     * @return this estimator
     */
    public E setStandardize(boolean v) {
        set(standardize, v);
        return self();
    }

    /**
     * Sets {@link #localSteps()}.
     *
     * @param v the local steps between averages, {@code >= 0} (0: synchronous)
     * @return this estimator
     * @throws IllegalArgumentException for a value out of range
     */
    public E setLocalSteps(int v) {
        check(v >= 0, "localSteps", v);
        set(localSteps, v);
        return self();
    }

    /**
     * Sets {@link #checkpointDir()}.
     *
     * @param v the directory, or empty for none
     * @return this estimator
     */
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
