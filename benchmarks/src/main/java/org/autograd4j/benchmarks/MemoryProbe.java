package org.autograd4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * Memory over a long {@code wdbc-shape} run: every {@code every} steps it prints the process's resident set
 * ({@code VmRSS}) and its peak ({@code VmHWM}) from {@code /proc/self/status}, the off-heap bytes JavaCPP has
 * allocated ({@code Pointer.totalBytes}: ND4J's buffers and core's BLAS scratch) and its own RSS reading
 * ({@code Pointer.physicalBytes}), and the Java heap; then the growth after warm-up — from the first sample at or
 * past half the run to the end, which should be about zero — and the bytes allocated per step. (The heap, and so
 * RSS, grows during the first thousands of steps while the garbage collector sizes it to the allocation rate.)
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
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocStart = mx.getThreadAllocatedBytes(thread);
        long[] base = null;
        long[] last = null;
        double loss = Double.NaN;
        long t0 = System.nanoTime();
        for (int step = 1; step <= steps; step++) {
            loss = trainer.step(data[step % data.length]);
            if (step % every == 0) {
                long[] now = {step, Natives.procStatusKib("VmRSS"), Natives.procStatusKib("VmHWM"),
                    Pointer.totalBytes()};
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "MEMORY workload=%s step=%d rss_mib=%.1f hwm_mib=%.1f offheap_bytes=%d"
                        + " javacpp_physical_mib=%.1f heap_used_mib=%.1f heap_committed_mib=%.1f loss=%.4f%n",
                        w.label, step, now[1] / 1024.0, now[2] / 1024.0, now[3], Pointer.physicalBytes() / 1048576.0,
                        (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.totalMemory() / 1048576.0, loss);
                if (base == null && step >= steps / 2) {
                    base = now;
                }
                last = now;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perStep = (mx.getThreadAllocatedBytes(thread) - allocStart) / (double) steps;
        if (base != null) {
            System.out.printf(Locale.ROOT, "MEMORY_SUMMARY workload=%s steps=%d seconds=%.1f from_step=%d"
                    + " rss_growth_mib=%.1f hwm_growth_mib=%.1f offheap_growth_bytes=%d peak_rss_mib=%.1f"
                    + " allocated_bytes_per_step=%.0f%n", w.label, steps, seconds, base[0],
                    (last[1] - base[1]) / 1024.0, (last[2] - base[2]) / 1024.0, last[3] - base[3], last[2] / 1024.0,
                    perStep);
        }
    }
}
