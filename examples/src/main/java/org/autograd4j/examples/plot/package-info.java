/** The PNG charts of the examples, drawn with XChart: learning curves, decision boundaries, regression scatter. */
package org.autograd4j.examples.plot;
