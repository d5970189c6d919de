package io.github.camelnavixy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The consumer's worker takes the dispatcher's next drain while its thread is still busy with the last one (the
 * moment between a drain letting go of its flag and its thread returning to the pool), instead of rejecting it,
 * which dropped the waiting work at high rates.
 */
class WorkerProfileTest {

    @Test
    void workerAcceptsTheNextDrainWhileItsThreadIsStillBusy() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ExecutorService worker = camel.getExecutorServiceManager()
                    .newThreadPool(this, "worker", NavixyConsumer.workerProfile());
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch secondRan = new CountDownLatch(1);
            worker.execute(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            assertThatCode(() -> worker.execute(secondRan::countDown)).doesNotThrowAnyException();
            release.countDown();
            assertThat(secondRan.await(10, TimeUnit.SECONDS)).isTrue();
            camel.getExecutorServiceManager().shutdownNow(worker);
        }
    }
}
