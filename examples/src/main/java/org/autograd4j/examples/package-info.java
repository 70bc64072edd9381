/**
 * The textbook problems end to end and the {@code autograd4j} command-line tool: {@link org.autograd4j.examples.Cli}
 * (train, evaluate, predict, split, gradcheck) and one runnable program per problem — {@link
 * org.autograd4j.examples.XorClusters}, {@link org.autograd4j.examples.Circles}, {@link
 * org.autograd4j.examples.BreastCancer} (the default), {@link org.autograd4j.examples.Digits}, {@link
 * org.autograd4j.examples.Mnist} and {@link org.autograd4j.examples.Diabetes} — each training with the shared pipeline
 * of {@link org.autograd4j.examples.run} and leaving a model, a history and PNG plots in its output folder.
 */
package org.autograd4j.examples;
