package org.autograd4j.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "evaluate", mixinStandardHelpOptions = true)
public final class EvaluateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
