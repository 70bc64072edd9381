/**
 * One training run from data to files, shared by the command-line tool and the example programs: the choices
 * ({@link org.autograd4j.examples.run.TrainSpec}, {@link org.autograd4j.examples.run.Recipes}), the run
 * ({@link org.autograd4j.examples.run.Experiment}), its scores ({@link org.autograd4j.examples.run.Evaluation}), and
 * what a saved model remembers about its data ({@link org.autograd4j.examples.run.ModelMeta}).
 */
package org.autograd4j.examples.run;
