package org.autograd4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autograd4j.nn.io.Checkpoint;
import org.autograd4j.nn.io.ModelIO;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.optim.Optimizer;

/**
 * The driver's checkpoint of a {@link DataParallelTrainer} run, written after every epoch with {@link ModelIO}
 * (atomically): {@code checkpoint.ag4j} holds the model, the optimizer's state and, as metadata, the epoch, the run's
 * identity (seed, batch size, rows, strategy), early stopping's counters and the history; {@code best.ag4j} holds
 * the best weights when early stopping watches the validation loss. Because the batches of an epoch depend only on
 * the seed, the epoch and the row ids ({@link BatchPlan}), a run resumed from epoch {@code e} repeats exactly what
 * the uninterrupted run did after it.
 */
final class Checkpoints {
    static final String FILE = "checkpoint.ag4j";
    static final String BEST = "best.ag4j";

    private Checkpoints() {
    }

    /** What a checkpoint restores besides weights and optimizer state. */
    record Progress(int epoch, int bestEpoch, double bestLoss, int epochsWithout, List<EpochStats> history) {
    }

    /** Writes the best weights first, then the checkpoint, so a crash between them replays one epoch. */
    static void save(Path dir, Module model, Optimizer optimizer, Map<String, String> identity, Progress p,
            Module best) {
        try {
            Files.createDirectories(dir);
            if (best != null) {
                ModelIO.save(dir.resolve(BEST), best);
            }
            Map<String, String> meta = new LinkedHashMap<>(identity);
            meta.put("epoch", Integer.toString(p.epoch()));
            meta.put("best_epoch", Integer.toString(p.bestEpoch()));
            meta.put("best_loss", Double.toString(p.bestLoss()));
            meta.put("wait", Integer.toString(p.epochsWithout()));
            StringBuilder h = new StringBuilder();
            for (EpochStats s : p.history()) {
                h.append(s.encode()).append(';');
            }
            meta.put("history", h.toString());
            ModelIO.save(dir.resolve(FILE), model, optimizer, meta);
        } catch (IOException e) {
            throw new UncheckedIOException("DataParallelTrainer: cannot write the checkpoint in " + dir, e);
        }
    }

    /**
     * Restores the model, the optimizer and (if written) the best weights into {@code best} from {@code dir}, and
     * returns the progress; empty when there is no checkpoint yet.
     *
     * @throws IllegalArgumentException if the checkpoint belongs to a run with another seed, batch size, data size or
     *                                  strategy
     */
    static Optional<Progress> load(Path dir, Module model, Optimizer optimizer, Map<String, String> identity,
            Module best) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Checkpoint c = ModelIO.load(file);
            for (Map.Entry<String, String> e : identity.entrySet()) {
                String saved = c.metadata().get(e.getKey());
                if (!e.getValue().equals(saved)) {
                    throw new IllegalArgumentException("DataParallelTrainer: the checkpoint in " + dir + " has "
                            + e.getKey() + "=" + saved + ", this run " + e.getValue() + "; use another directory");
                }
            }
            model.loadStateDict(c.model().stateDict());
            optimizer.loadState(c.optimizerState());
            if (best != null && Files.exists(dir.resolve(BEST))) {
                best.loadStateDict(ModelIO.load(dir.resolve(BEST)).model().stateDict());
            }
            List<EpochStats> history = new ArrayList<>();
            for (String line : c.metadata().get("history").split(";")) {
                if (!line.isEmpty()) {
                    history.add(EpochStats.parse(line));
                }
            }
            return Optional.of(new Progress(Integer.parseInt(c.metadata().get("epoch")),
                    Integer.parseInt(c.metadata().get("best_epoch")), Double.parseDouble(c.metadata().get("best_loss")),
                    Integer.parseInt(c.metadata().get("wait")), history));
        } catch (IOException e) {
            throw new UncheckedIOException("DataParallelTrainer: cannot read the checkpoint " + file, e);
        }
    }
}
