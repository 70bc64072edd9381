package org.autograd4j.core;

/**
 * What a {@code register...Hook} call returns, as PyTorch's {@code RemovableHandle}: {@link #remove()} takes the hook
 * out again. Used by {@link Tensor#registerHook} and by the module hooks of {@code nn}.
 */
public final class HookHandle {
    private Runnable removal;

    /**
     * A handle that runs {@code removal} the first time it is removed.
     *
     * @param removal takes the hook out of wherever it was registered
     */
    public HookHandle(Runnable removal) {
        this.removal = removal;
    }

    /** Takes the hook out; later calls do nothing. */
    public void remove() {
        Runnable r = removal;
        removal = null;
        if (r != null) {
            r.run();
        }
    }
}
