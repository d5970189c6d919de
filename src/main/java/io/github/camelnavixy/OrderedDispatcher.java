package io.github.camelnavixy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs submitted work one task after the other, in submission order, on an executor's thread, and holds the source
 * back while too much is waiting.
 *
 * <p>The tasks wait in a queue of this class, not in the executor's: the executor is only ever given one "drain" task
 * at a time, so its queue bound and rejection policy never come into play while running. That is what guarantees the
 * rules a caller relies on, whatever thread-pool profile the executor was made with:
 * <ul>
 * <li>work never runs on the submitting thread (for the consumer, a Vert.x event loop), not even under a
 * {@code CallerRuns} policy;</li>
 * <li>order is kept: one drain at a time, taking tasks in queue order;</li>
 * <li>every task counts toward backpressure by its weight (at least 1, so an error report or an empty event counts
 * too), and every count is given back exactly once: when the task has run, or when it is discarded.</li>
 * </ul>
 * Backpressure has hysteresis: the source is paused when {@code limit} units wait and resumed when half of that is
 * left.
 */
final class OrderedDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedDispatcher.class);
    /**
     * Set while this thread hands a drain to the executor, so that a drain run by the caller itself can tell, refuse,
     * and say so through the flag it holds.
     */
    private static final ThreadLocal<boolean[]> SUBMITTING = new ThreadLocal<>();

    private record Task(int weight, Runnable work) {
    }

    private final Executor executor;
    private final int limit;
    private final ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wantPaused = new AtomicBoolean();
    private final Runnable drain = this::drainUnlessOnCaller;
    private volatile FlowControl flow = FlowControl.NONE;
    private volatile boolean open = true;

    /**
     * @param executor runs the drain; one thread is enough and keeps order
     * @param limit    units waiting at which the source is paused
     */
    OrderedDispatcher(Executor executor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.executor = executor;
        this.limit = limit;
    }

    /** Makes {@code source} the one to hold back, applying the current state to it at once. */
    void attach(FlowControl source) {
        flow = source == null ? FlowControl.NONE : source;
        flow.update(wantPaused::get);
    }

    /** Accepts work again after {@link #close()}. */
    void open() {
        open = true;
    }

    /**
     * Stops accepting work and discards what waits (giving its counts back). A task already running finishes; it can
     * check {@link #isOpen()} to stop early.
     */
    void close() {
        open = false;
        discardQueued();
    }

    boolean isOpen() {
        return open;
    }

    /** Units submitted and not yet run or discarded. */
    int pending() {
        return pending.get();
    }

    /** Whether the source is held back now. */
    boolean isPaused() {
        return wantPaused.get();
    }

    /**
     * Queues {@code work} to run after everything submitted before it.
     *
     * @param weight how many units it counts for backpressure (e.g. the Exchanges it makes); less than 1 counts as 1
     */
    void submit(int weight, Runnable work) {
        if (!open) {
            return;
        }
        int units = Math.max(1, weight);
        pending.addAndGet(units);
        queue.add(new Task(units, work));
        reconcileFlow();
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (!draining.compareAndSet(false, true)) {
            return; // the running drain will pick the task up
        }
        boolean handedOver;
        boolean[] refusedOnCaller = new boolean[1];
        SUBMITTING.set(refusedOnCaller);
        try {
            executor.execute(drain);
            handedOver = !refusedOnCaller[0];
        } catch (RejectedExecutionException e) {
            handedOver = false;
        } finally {
            SUBMITTING.remove();
        }
        if (!handedOver) {
            // Rejected (the executor is shut down) or run by the caller and refused: nothing will run this work.
            draining.set(false);
            int dropped = discardQueued();
            if (open && dropped > 0) {
                LOG.warn("The Navixy worker refused work; {} queued units were dropped", dropped);
            }
        }
    }

    private void drainUnlessOnCaller() {
        boolean[] refusedOnCaller = SUBMITTING.get();
        if (refusedOnCaller != null) {
            refusedOnCaller[0] = true; // a CallerRuns policy ran us on the submitting thread: refuse; the caller handles it
            return;
        }
        try {
            Task task;
            while ((task = queue.poll()) != null) {
                try {
                    if (open) {
                        task.work().run();
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Navixy hand-off task failed", e); // tasks report their own errors; this is a safety net
                } finally {
                    release(task.weight());
                }
            }
        } finally {
            draining.set(false);
            if (!queue.isEmpty()) {
                scheduleDrain(); // a submit raced with the end of this drain
            }
        }
    }

    private int discardQueued() {
        int dropped = 0;
        Task task;
        while ((task = queue.poll()) != null) {
            dropped += task.weight();
            release(task.weight());
        }
        return dropped;
    }

    private void release(int units) {
        pending.addAndGet(-units);
        reconcileFlow();
    }

    /**
     * Brings the wanted state in line with the pending count. Submits and releases race on different threads, so
     * after each change the count is looked at again until the state is stable: a pause decided on a count that a
     * release has since lowered is undone here rather than left in place with nothing left to resume it.
     */
    private void reconcileFlow() {
        while (true) {
            int now = pending.get();
            boolean changed;
            if (now >= limit) {
                changed = wantPaused.compareAndSet(false, true);
            } else if (now <= limit / 2) {
                changed = wantPaused.compareAndSet(true, false);
            } else {
                changed = false;
            }
            if (!changed) {
                return;
            }
            flow.update(wantPaused::get);
        }
    }
}
