package org.autograd4j.examples.cli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.data.MnistData;
import org.autograd4j.examples.data.Task;
import org.autograd4j.nn.data.Csv;
import org.autograd4j.nn.data.Dataset;

/**
 * A dataset ready to train on, with what the tool needs to know about it.
 *
 * @param name         a short name for messages and file names (e.g. {@code wdbc} or the CSV's file name)
 * @param source       where the rows came from: a built-in dataset's name or the CSV file's path
 * @param task         classification or regression
 * @param data         every row to split into training and validation; labels {@code [n]}
 * @param test         a separate test set (MNIST's), or null
 * @param featureNames one name per feature column
 * @param classNames   one name per class, in index order (empty for regression)
 * @param format       how a CSV with this layout is read
 * @param standardize  whether to standardise the features (fitted on the training split)
 */
public record Problem(String name, String source, Task task, Dataset data, Dataset test, List<String> featureNames,
        List<String> classNames, CsvFormat format, boolean standardize) {
    /**
     * Copies the lists.
     *
     * @param name a short name for messages and file names (e.g. {@code wdbc} or the CSV's file name)
     * @param source where the rows came from: a built-in dataset's name or the CSV file's path
     * @param task classification or regression
     * @param data every row to split into training and validation; labels {@code [n]}
     * @param test a separate test set (MNIST's), or null
     * @param featureNames one name per feature column
     * @param classNames one name per class, in index order (empty for regression)
     * @param format how a CSV with this layout is read
     * @param standardize whether to standardise the features (fitted on the training split)
     */
    public Problem {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    /**
     * A built-in dataset.
     *
     * @param b the dataset
     * @param seed     the seed of generated datasets
     * @param mnistDir the folder of MNIST's IDX files
     * @param limit    for MNIST, the number of training (and at most of test) images to read; {@code < 0} for all
     * @return the problem
     */
    public static Problem builtin(Builtin b, long seed, Path mnistDir, int limit) {
        if (b == Builtin.MNIST) {
            MnistData.Split s = MnistData.load(mnistDir, limit, limit < 0 ? -1 : Math.min(limit, 10_000));
            return new Problem(b.id(), b.id(), b.task(), s.train(), s.test(), b.featureNames(784), b.classNames(),
                    CsvFormat.DEFAULT, false);
        }
        Dataset d = b.load(seed, mnistDir, limit);
        return new Problem(b.id(), b.id(), b.task(), d, null, b.featureNames(d.numFeatures()), b.classNames(),
                CsvFormat.DEFAULT, true);
    }

    /**
     * A CSV file.
     *
     * @param file the CSV file
     * @param format its layout
     * @param task classification (labels become class indices; strings are mapped in sorted order) or regression
     * @return the problem
     * @throws IllegalArgumentException naming the file and line for malformed content, or for labels that are not
     *                                  class indices in a classification
     */
    public static Problem csv(Path file, CsvFormat format, Task task) {
        Csv.Table t = format.read(file);
        List<String> classes = new ArrayList<>(t.classNames());
        if (task == Task.CLASSIFICATION && classes.isEmpty()) {
            int count = ClassLabels.count(file.toString(), t);
            for (int c = 0; c < count; c++) {
                classes.add(Integer.toString(c));
            }
        }
        if (task == Task.CLASSIFICATION && classes.size() < 2) {
            throw new IllegalArgumentException(file + ": the label column holds a single class; a classifier needs"
                    + " at least 2");
        }
        if (task == Task.REGRESSION && !t.classNames().isEmpty()) {
            throw new IllegalArgumentException(file + ": the label column holds text (" + t.classNames().get(0)
                    + ", ...), not numbers a regression can predict");
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new Problem(name, file.toString(), task, t.dataset(), null, t.featureNames(),
                task == Task.CLASSIFICATION ? classes : List.of(), format.withLabels(t.classNames()), true);
    }

    /**
     * The number of classes (0 for regression).
     *
     * @return the count, at least 0
     */
    public int numClasses() {
        return classNames.size();
    }
}
