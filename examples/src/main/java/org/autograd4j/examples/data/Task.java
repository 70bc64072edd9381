package org.autograd4j.examples.data;

/** What a model predicts: a class (classification) or a number (regression). */
public enum Task {
    /** Labels are class indices 0, 1, ...; the model outputs one score per class (or one probability). */
    CLASSIFICATION,
    /** Labels are real numbers; the model outputs one value. */
    REGRESSION
}
