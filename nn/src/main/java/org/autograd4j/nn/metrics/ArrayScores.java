package org.autograd4j.nn.metrics;

/**
 * The arithmetic behind {@link Metrics}' array forms (accuracy, confusion counts, log loss, regression errors), which
 * document them; every message starts with the public method's name.
 */
final class ArrayScores {
    private ArrayScores() {
    }

    static double accuracy(int[] yTrue, int[] yPred) {
        Scores.checkLengths("Metrics.accuracy", "yTrue", yTrue.length, "yPred", yPred.length);
        int right = 0;
        for (int i = 0; i < yTrue.length; i++) {
            right += yTrue[i] == yPred[i] ? 1 : 0;
        }
        return right / (double) yTrue.length;
    }

    static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred) {
        Scores.checkLengths("Metrics.confusionMatrix", "yTrue", yTrue.length, "yPred", yPred.length);
        return confusionMatrix(yTrue, yPred, Scores.numClasses(yTrue, yPred));
    }

    static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred, int numClasses) {
        String op = "Metrics.confusionMatrix";
        Scores.checkLengths(op, "yTrue", yTrue.length, "yPred", yPred.length);
        int[][] counts = new int[numClasses][numClasses];
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0 || yTrue[i] >= numClasses || yPred[i] < 0 || yPred[i] >= numClasses) {
                throw new IllegalArgumentException(op + ": at position " + i + " yTrue is " + yTrue[i]
                        + " and yPred is " + yPred[i] + "; both must be in [0, " + numClasses + ")");
            }
            counts[yTrue[i]][yPred[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    static double logLoss(int[] yTrue, double[][] probabilities) {
        String op = "Metrics.logLoss";
        Scores.checkLengths(op, "yTrue", yTrue.length, "probabilities", probabilities.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0 || yTrue[i] >= probabilities[i].length) {
                throw new IllegalArgumentException(op + ": yTrue[" + i + "] is " + yTrue[i] + " but row " + i
                        + " has " + probabilities[i].length + " probabilities");
            }
            for (double p : probabilities[i]) {
                Scores.clip(op, p, i);
            }
            s -= Math.log(Scores.clip(op, probabilities[i][yTrue[i]], i));
        }
        return s / yTrue.length;
    }

    static double logLoss(int[] yTrue, double[] probabilityOfOne) {
        String op = "Metrics.logLoss";
        Scores.checkLengths(op, "yTrue", yTrue.length, "probabilityOfOne", probabilityOfOne.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] != 0 && yTrue[i] != 1) {
                throw new IllegalArgumentException(op + ": yTrue[" + i + "] is " + yTrue[i]
                        + "; binary log loss needs 0 or 1");
            }
            double p = Scores.clip(op, probabilityOfOne[i], i);
            s -= yTrue[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return s / yTrue.length;
    }

    static double mse(double[] yTrue, double[] yPred) {
        Scores.checkLengths("Metrics.mse", "yTrue", yTrue.length, "yPred", yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            s += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
        }
        return s / yTrue.length;
    }

    static double mae(double[] yTrue, double[] yPred) {
        Scores.checkLengths("Metrics.mae", "yTrue", yTrue.length, "yPred", yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            s += Math.abs(yTrue[i] - yPred[i]);
        }
        return s / yTrue.length;
    }

    static double r2(double[] yTrue, double[] yPred) {
        Scores.checkLengths("Metrics.r2", "yTrue", yTrue.length, "yPred", yPred.length);
        double mean = 0;
        for (double y : yTrue) {
            mean += y;
        }
        mean /= yTrue.length;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < yTrue.length; i++) {
            res += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
            tot += (yTrue[i] - mean) * (yTrue[i] - mean);
        }
        return tot == 0 ? (res == 0 ? 1.0 : 0.0) : 1 - res / tot;
    }

    static double r2(double[][] yTrue, double[][] yPred) {
        String op = "Metrics.r2";
        Scores.checkLengths(op, "yTrue", yTrue.length, "yPred", yPred.length);
        int k = yTrue[0].length;
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += r2(Scores.column(op, yTrue, "yTrue", j, k), Scores.column(op, yPred, "yPred", j, k));
        }
        return s / k;
    }
}
