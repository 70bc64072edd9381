package org.autograd4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autograd4j.examples.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options several commands share are declared once, in a mixin, and every command that takes one gets it so. */
class SharedOptionsTest {
    private static final List<String> SHARED = List.of("--label", "--ignore", "--no-header", "--data", "--hidden",
            "--activation", "--loss");

    @Test
    void sharedOptionsComeFromMixins() {
        Map<String, CommandLine> commands = new CommandLine(new Cli()).getSubcommands();
        Map<String, Integer> users = new java.util.TreeMap<>();
        for (String name : List.of("train", "evaluate", "predict", "split", "gradcheck")) {
            CommandSpec spec = commands.get(name).getCommandSpec();
            Set<String> fromMixins = new HashSet<>();
            collect(spec, fromMixins, false);
            for (OptionSpec option : spec.options()) {
                String longName = option.longestName();
                if (SHARED.contains(longName)) {
                    assertTrue(fromMixins.contains(longName), () -> name + " declares " + longName + " itself");
                    users.merge(longName, 1, Integer::sum);
                }
            }
        }
        assertEquals(Map.of("--activation", 2, "--data", 3, "--hidden", 2, "--ignore", 3, "--label", 4, "--loss", 2,
                "--no-header", 4), users, "which commands take the shared options");
    }

    private static void collect(CommandSpec spec, Set<String> names, boolean inMixin) {
        if (inMixin) {
            spec.options().forEach(o -> names.add(o.longestName()));
        }
        spec.mixins().values().forEach(m -> collect(m, names, true));
    }
}
