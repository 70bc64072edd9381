package org.autograd4j.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "predict", mixinStandardHelpOptions = true)
public final class PredictCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
