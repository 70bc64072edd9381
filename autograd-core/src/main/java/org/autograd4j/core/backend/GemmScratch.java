package org.autograd4j.core.backend;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.autograd4j.core.HeapGemm;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * One thread's off-heap scratch for {@link Blas}'s copying path (products past {@link HeapGemm#MAX_MACS}, or where
 * {@link HeapGemm} cannot load): a slot per operand, grown as needed and reused, so a call allocates nothing.
 */
final class GemmScratch {
    final Slot a = new Slot();
    final Slot b = new Slot();
    final Slot c = new Slot();

    /** Keeps up to 64 MiB per slot for reuse; a rare larger product frees its buffers right away. */
    void trim() {
        a.trim(1L << 26);
        b.trim(1L << 26);
        c.trim(1L << 26);
    }

    /** Growable off-heap memory for one operand, as float32 and/or float64, with direct-buffer views. */
    static final class Slot {
        FloatPointer f;
        FloatBuffer fv;
        DoublePointer d;
        DoubleBuffer dv;

        /** A float32 view of at least len elements; grows by at least half, so creeping sizes reallocate rarely. */
        FloatBuffer floats(int len) {
            if (fv == null || fv.capacity() < len) {
                long size = Math.max(len, fv == null ? 0 : fv.capacity() * 3L / 2);
                freeFloats();  // first, so that a failed allocation leaves no view on freed memory
                f = new FloatPointer(size);
                fv = f.asBuffer();
            }
            return fv;
        }

        DoubleBuffer doubles(int len) {
            if (dv == null || dv.capacity() < len) {
                long size = Math.max(len, dv == null ? 0 : dv.capacity() * 3L / 2);
                freeDoubles();
                d = new DoublePointer(size);
                dv = d.asBuffer();
            }
            return dv;
        }

        void trim(long maxBytes) {
            if (fv != null && 4L * fv.capacity() > maxBytes) {
                freeFloats();
            }
            if (dv != null && 8L * dv.capacity() > maxBytes) {
                freeDoubles();
            }
        }

        private void freeFloats() {
            FloatPointer old = f;
            f = null;
            fv = null;
            if (old != null) {
                old.close();
            }
        }

        private void freeDoubles() {
            DoublePointer old = d;
            d = null;
            dv = null;
            if (old != null) {
                old.close();
            }
        }
    }
}
