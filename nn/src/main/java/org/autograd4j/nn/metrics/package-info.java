/**
 * Scores of predictions: {@link org.autograd4j.nn.metrics.Metrics} computes classification and regression scores with
 * scikit-learn's definitions, truth first ({@code (yTrue, yPred)}), and
 * {@link org.autograd4j.nn.metrics.ConfusionMatrix} counts (true, predicted) pairs;
 * {@link org.autograd4j.nn.metrics.Metric} names a score that {@link org.autograd4j.nn.train.Trainer} computes once per
 * epoch.
 */
package org.autograd4j.nn.metrics;
