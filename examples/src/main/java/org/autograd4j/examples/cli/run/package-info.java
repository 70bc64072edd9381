/**
 * The command-line tool's training pipeline, from data to files: the choices
 * ({@link org.autograd4j.examples.cli.run.TrainSpec}, {@link org.autograd4j.examples.cli.run.Recipes}), the run
 * ({@link org.autograd4j.examples.cli.run.Experiment}), its scores
 * ({@link org.autograd4j.examples.cli.run.Evaluation}), what a saved model remembers about its data
 * ({@link org.autograd4j.examples.cli.run.ModelMeta}), output staging ({@link org.autograd4j.examples.cli.run.Outputs})
 * and the optimizer comparison. The example programs do not use it: they show the same steps with {@code nn} alone.
 */
package org.autograd4j.examples.cli.run;
