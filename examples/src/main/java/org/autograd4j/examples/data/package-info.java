/**
 * Where the data comes from, for the example programs (through {@link org.autograd4j.examples.Datasets}) and the
 * command-line tool: the datasets shipped as resources and generated ones
 * ({@link org.autograd4j.examples.data.Builtin}, {@link org.autograd4j.examples.data.Synthetic}), MNIST's IDX files
 * ({@link org.autograd4j.examples.data.Idx}, {@link org.autograd4j.examples.data.MnistData}), and CSV rows kept as text
 * for the {@code split} command ({@link org.autograd4j.examples.data.CsvLines}).
 */
package org.autograd4j.examples.data;
