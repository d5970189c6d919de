package io.github.camelnavixy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ordered hand-off: order, the thread work runs on, backpressure counts, and what happens when refused. */
class OrderedDispatcherTest {

    private final List<ExecutorService> executors = new ArrayList<>();

    @AfterEach
    void shutDown() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    private ExecutorService track(ExecutorService executor) {
        executors.add(executor);
        return executor;
    }

    /** Records the wanted states the source was asked to apply, in order. */
    private static final class RecordingSource implements FlowControl {
        final List<Boolean> applied = new CopyOnWriteArrayList<>();
        volatile boolean paused;

        @Override
        public void update(BooleanSupplier wantPaused) {
            paused = wantPaused.getAsBoolean();
            applied.add(paused);
        }
    }

    @Test
    void runsWorkInSubmissionOrderOnTheExecutorThread() {
        OrderedDispatcher dispatcher = new OrderedDispatcher(track(Executors.newSingleThreadExecutor()), 1000);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int n = i;
            dispatcher.submit(1, () -> {
                seen.add(n);
                threads.add(Thread.currentThread());
            });
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(threads).doesNotContain(Thread.currentThread());
        assertThat(dispatcher.pending()).isZero();
    }

    @Test
    void pausesAtTheLimitAndResumesAtHalf() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OrderedDispatcher dispatcher = new OrderedDispatcher(track(Executors.newSingleThreadExecutor()), 10);
        RecordingSource source = new RecordingSource();
        dispatcher.attach(source);
        dispatcher.submit(1, () -> awaitQuietly(release)); // holds the worker
        for (int i = 0; i < 8; i++) {
            dispatcher.submit(1, () -> { });
        }
        assertThat(source.paused).isFalse();
        dispatcher.submit(1, () -> { }); // the 10th unit
        assertThat(source.paused).isTrue();
        assertThat(dispatcher.isPaused()).isTrue();

        release.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> dispatcher.pending() == 0);
        assertThat(source.paused).isFalse();
        assertThat(source.applied).containsExactly(false, true, false);
    }

    @Test
    void workThatMakesNoExchangeStillCountsTowardBackpressure() {
        CountDownLatch release = new CountDownLatch(1);
        OrderedDispatcher dispatcher = new OrderedDispatcher(track(Executors.newSingleThreadExecutor()), 3);
        RecordingSource source = new RecordingSource();
        dispatcher.attach(source);
        dispatcher.submit(0, () -> awaitQuietly(release));
        dispatcher.submit(0, () -> { });
        dispatcher.submit(0, () -> { });
        assertThat(dispatcher.pending()).isEqualTo(3);
        assertThat(source.paused).isTrue();
        release.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> dispatcher.pending() == 0 && !source.paused);
    }

    @Test
    void neverRunsWorkOnTheCallerEvenUnderACallerRunsPolicy() {
        // No queue at all and CallerRuns: the harshest profile an application could configure.
        ThreadPoolExecutor harsh = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.CallerRunsPolicy());
        track(harsh);
        CountDownLatch release = new CountDownLatch(1);
        OrderedDispatcher dispatcher = new OrderedDispatcher(harsh, 1000);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        dispatcher.submit(1, () -> awaitQuietly(release));
        for (int i = 0; i < 100; i++) {
            int n = i;
            dispatcher.submit(1, () -> {
                threads.add(Thread.currentThread());
                seen.add(n);
            });
        }
        release.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 100);
        assertThat(threads).doesNotContain(Thread.currentThread());
        assertThat(seen).isSorted();
        await().atMost(10, TimeUnit.SECONDS).until(() -> dispatcher.pending() == 0);
    }

    @Test
    void anExecutorThatRunsOnTheCallerIsRefusedWithoutLeakingACount() {
        // What a saturated CallerRuns pool does: run the task right there, on the submitting thread.
        OrderedDispatcher dispatcher = new OrderedDispatcher(Runnable::run, 2);
        RecordingSource source = new RecordingSource();
        dispatcher.attach(source);
        List<Thread> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            dispatcher.submit(1, () -> ran.add(Thread.currentThread()));
        }
        assertThat(ran).isEmpty();
        assertThat(dispatcher.pending()).isZero();
        assertThat(source.paused).isFalse();
    }

    @Test
    void workRefusedByAShutDownExecutorIsNeitherRunNorCountedForever() {
        ExecutorService executor = track(Executors.newSingleThreadExecutor());
        executor.shutdown();
        OrderedDispatcher dispatcher = new OrderedDispatcher(executor, 2);
        RecordingSource source = new RecordingSource();
        dispatcher.attach(source);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            dispatcher.submit(1, () -> ran.add(n));
        }
        assertThat(ran).isEmpty();
        assertThat(dispatcher.pending()).isZero();
        assertThat(source.paused).isFalse();
    }

    @Test
    void closingDiscardsWhatWaitsAndGivesItsCountBack() {
        CountDownLatch release = new CountDownLatch(1);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        track(executor);
        OrderedDispatcher dispatcher = new OrderedDispatcher(executor, 5);
        RecordingSource source = new RecordingSource();
        dispatcher.attach(source);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        dispatcher.submit(1, () -> awaitQuietly(release));
        for (int i = 0; i < 20; i++) {
            int n = i;
            dispatcher.submit(1, () -> ran.add(n));
        }
        assertThat(source.paused).isTrue();
        dispatcher.close();
        release.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> dispatcher.pending() == 0);
        assertThat(ran).isEmpty();
        assertThat(source.paused).isFalse();
        dispatcher.submit(1, () -> ran.add(-1)); // closed: refused
        assertThat(dispatcher.pending()).isZero();
    }

    @Test
    void aSourceAttachedWhileBehindStartsPaused() {
        CountDownLatch release = new CountDownLatch(1);
        OrderedDispatcher dispatcher = new OrderedDispatcher(track(Executors.newSingleThreadExecutor()), 2);
        dispatcher.submit(2, () -> awaitQuietly(release));
        RecordingSource next = new RecordingSource();
        dispatcher.attach(next);
        assertThat(next.paused).isTrue();
        release.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> !next.paused);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
