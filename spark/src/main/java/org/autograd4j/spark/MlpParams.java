package org.autograd4j.spark;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The parameters {@link MlpClassifier} and {@link MlpRegressor} share (Spark ML {@code Param}s, saved with a
 * Pipeline): their definitions, defaults and getters. {@link MlpEstimator} adds the checked setters and the training.
 *
 * @param <M> the model the estimator fits
 */
public abstract class MlpParams<M extends MlpModel<M>> extends Estimator<M> {
    private static final long serialVersionUID = 1L;

    /** This estimator's Spark ML identifier. */
    private final String uid;
    /** See {@link #featuresCol()}. */
    final Param<String> featuresCol;
    /** See {@link #inputCols()}. */
    final StringArrayParam inputCols;
    /** See {@link #labelCol()}. */
    final Param<String> labelCol;
    /** See {@link #predictionCol()}. */
    final Param<String> predictionCol;
    /** See {@link #hiddenLayers()}. */
    final IntArrayParam hiddenLayers;
    /** See {@link #activation()}. */
    final Param<String> activation;
    /** See {@link #optimizer()}. */
    final Param<String> optimizer;
    /** See {@link #learningRate()}. */
    final DoubleParam learningRate;
    /** See {@link #weightDecay()}. */
    final DoubleParam weightDecay;
    /** See {@link #dropout()}. */
    final DoubleParam dropout;
    /** See {@link #batchSize()}. */
    final IntParam batchSize;
    /** See {@link #maxEpochs()}. */
    final IntParam maxEpochs;
    /** See {@link #seed()}. */
    final LongParam seed;
    /** See {@link #validationFraction()}. */
    final DoubleParam validationFraction;
    /** See {@link #patience()}. */
    final IntParam patience;
    /** See {@link #standardize()}. */
    final BooleanParam standardize;
    /** See {@link #localSteps()}. */
    final IntParam localSteps;
    /** See {@link #checkpointDir()}. */
    final Param<String> checkpointDir;

    MlpParams(String uid) {
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

    /**
     * The features vector column (default {@code features}).
     *
     * @return the parameter
     */
    public Param<String> featuresCol() {
        return featuresCol;
    }

    /**
     * Numeric feature columns used instead of {@link #featuresCol()} when non-empty.
     *
     * @return the parameter
     */
    public StringArrayParam inputCols() {
        return inputCols;
    }

    /**
     * The label column (default {@code label}).
     *
     * @return the parameter
     */
    public Param<String> labelCol() {
        return labelCol;
    }

    /**
     * The prediction column (default {@code prediction}).
     *
     * @return the parameter
     */
    public Param<String> predictionCol() {
        return predictionCol;
    }

    /**
     * Hidden layer sizes (default {@code [32]}).
     *
     * @return the parameter
     */
    public IntArrayParam hiddenLayers() {
        return hiddenLayers;
    }

    /**
     * The hidden activation (default {@code relu}).
     *
     * @return the parameter
     */
    public Param<String> activation() {
        return activation;
    }

    /**
     * The optimizer (default {@code adam}).
     *
     * @return the parameter
     */
    public Param<String> optimizer() {
        return optimizer;
    }

    /**
     * The learning rate (default 0.001).
     *
     * @return the parameter
     */
    public DoubleParam learningRate() {
        return learningRate;
    }

    /**
     * Weight decay (default 0).
     *
     * @return the parameter
     */
    public DoubleParam weightDecay() {
        return weightDecay;
    }

    /**
     * Dropout probability (default 0).
     *
     * @return the parameter
     */
    public DoubleParam dropout() {
        return dropout;
    }

    /**
     * Rows per mini-batch (default 32).
     *
     * @return the parameter
     */
    public IntParam batchSize() {
        return batchSize;
    }

    /**
     * The most epochs (default 100).
     *
     * @return the parameter
     */
    public IntParam maxEpochs() {
        return maxEpochs;
    }

    /**
     * The seed (default 42).
     *
     * @return the parameter
     */
    public LongParam seed() {
        return seed;
    }

    /**
     * The validation share for early stopping (default 0.1).
     *
     * @return the parameter
     */
    public DoubleParam validationFraction() {
        return validationFraction;
    }

    /**
     * Early stopping's patience in epochs (default 10; 0: off).
     *
     * @return the parameter
     */
    public IntParam patience() {
        return patience;
    }

    /**
     * Whether features are standardized (default true).
     *
     * @return the parameter
     */
    public BooleanParam standardize() {
        return standardize;
    }

    /**
     * 0 for synchronous training (default), k for parameter averaging every k local steps.
     *
     * @return the parameter
     */
    public IntParam localSteps() {
        return localSteps;
    }

    /**
     * The checkpoint directory (default empty: none).
     *
     * @return the parameter
     */
    public Param<String> checkpointDir() {
        return checkpointDir;
    }
}
