/**
 * The training loop and what surrounds it: {@link org.autograd4j.nn.train.Trainer#fit} runs epochs over a
 * {@link org.autograd4j.nn.data.DataLoader} and returns a {@link org.autograd4j.nn.train.History} of every metric per
 * epoch; {@link org.autograd4j.nn.train.Callback}s observe it and may stop it
 * ({@link org.autograd4j.nn.train.EarlyStopping}, {@link org.autograd4j.nn.train.ModelCheckpoint},
 * {@link org.autograd4j.nn.train.TerminateOnNaN} when training diverges,
 * {@link org.autograd4j.nn.train.ProgressLogger}); {@link org.autograd4j.nn.metrics.Metrics} computes classification
 * and regression scores with scikit-learn's conventions, and {@link org.autograd4j.nn.metrics.Metric} names one for the
 * loop.
 */
package org.autograd4j.nn.train;
