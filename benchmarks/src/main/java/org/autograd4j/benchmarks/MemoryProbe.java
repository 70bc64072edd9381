package org.autograd4j.benchmarks;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * Memory over a long {@code wdbc-shape} run: every {@code every} steps it prints the process's resident set
 * ({@code VmRSS}) and its peak ({@code VmHWM}) from {@code /proc/self/status}, the off-heap bytes JavaCPP has
 * allocated ({@code Pointer.totalBytes}, the native buffers of ND4J and of core's BLAS scratch) and its own RSS
 * reading ({@code Pointer.physicalBytes}), and the Java heap in use; then the growth after the first sample
 * (the warm-up), which should be about zero.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.autograd4j.benchmarks.MemoryProbe [steps=100000] [every=10000]}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    /** Runs the probe; arguments: total steps, steps between samples. */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Natives.configure(0);
        Workload w = Workload.WDBC_SHAPE;
        Trainer trainer = Trainer.create(w);
        Data.Batch[] data = w.data();
        long firstRss = -1;
        long firstHwm = -1;
        long firstOffHeap = -1;
        long rss = 0;
        long hwm = 0;
        long offHeap = 0;
        double loss = Double.NaN;
        long t0 = System.nanoTime();
        for (int step = 1; step <= steps; step++) {
            loss = trainer.step(data[step % data.length]);
            if (step % every == 0) {
                rss = Natives.procStatusKib("VmRSS");
                hwm = Natives.procStatusKib("VmHWM");
                offHeap = Pointer.totalBytes();
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "MEMORY workload=%s step=%d rss_mib=%.1f hwm_mib=%.1f offheap_bytes=%d"
                        + " javacpp_physical_mib=%.1f heap_used_mib=%.1f heap_committed_mib=%.1f loss=%.4f%n",
                        w.label, step, rss / 1024.0, hwm / 1024.0, offHeap, Pointer.physicalBytes() / 1048576.0,
                        (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.totalMemory() / 1048576.0, loss);
                if (firstRss < 0) {
                    firstRss = rss;
                    firstHwm = hwm;
                    firstOffHeap = offHeap;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "MEMORY_SUMMARY workload=%s steps=%d seconds=%.1f rss_growth_mib=%.1f"
                + " hwm_growth_mib=%.1f offheap_growth_bytes=%d peak_rss_mib=%.1f (growth from step %d to %d)%n",
                w.label, steps, seconds, (rss - firstRss) / 1024.0, (hwm - firstHwm) / 1024.0, offHeap - firstOffHeap,
                hwm / 1024.0, every, steps);
    }
}
