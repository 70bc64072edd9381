/**
 * The subcommands of {@link org.autograd4j.examples.Cli}, one picocli command per file, and the option groups they
 * share as mixins ({@link org.autograd4j.examples.cli.LabelOptions}, {@link org.autograd4j.examples.cli.ColumnOptions},
 * {@link org.autograd4j.examples.cli.CsvOptions}, {@link org.autograd4j.examples.cli.MnistOption},
 * {@link org.autograd4j.examples.cli.NetworkOptions}), each option declared once. The pipeline they drive lives in
 * {@code cli.run}, the charts in {@code cli.plot}. User mistakes surface as
 * {@link java.lang.IllegalArgumentException}s whose message the tool prints as one line, with exit status 2.
 */
package org.autograd4j.examples.cli;
