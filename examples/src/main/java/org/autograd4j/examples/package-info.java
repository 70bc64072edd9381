/**
 * The textbook problems, one short program each, written as a newcomer would write their own: the data
 * ({@link org.autograd4j.examples.Datasets}), an {@code Mlp}, a loss, an optimizer, a {@code DataLoader},
 * {@code Trainer.fit} and the scores from {@code Metrics} — {@link org.autograd4j.examples.XorClusters} (the
 * smallest), {@link org.autograd4j.examples.Circles}, {@link org.autograd4j.examples.BreastCancer} (the default job,
 * with early stopping and an optimizer comparison), {@link org.autograd4j.examples.Digits},
 * {@link org.autograd4j.examples.Mnist} and {@link org.autograd4j.examples.Diabetes} (regression). The
 * {@code autograd4j} command-line tool, {@link org.autograd4j.examples.Cli}, trains the same problems with options,
 * saved models and plots; its plumbing lives in the {@code cli} package and the packages below it.
 */
package org.autograd4j.examples;
