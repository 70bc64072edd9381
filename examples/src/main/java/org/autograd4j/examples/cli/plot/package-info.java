/** The command-line tool's PNG charts, drawn with XChart: learning curves, decision boundaries, regression scatter. */
package org.autograd4j.examples.cli.plot;
