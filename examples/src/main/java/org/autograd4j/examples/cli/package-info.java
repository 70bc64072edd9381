/**
 * The subcommands of {@link org.autograd4j.examples.Cli}, one picocli command per file. User mistakes surface as
 * {@link java.lang.IllegalArgumentException}s whose message the tool prints as one line, with exit status 2.
 */
package org.autograd4j.examples.cli;
