package io.github.camelnavixy.client;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link LoginHashSource} against a hand-written REST server: bounded in time and size, one login at a time. */
class LoginHashSourceTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServerRequest> requests = new CopyOnWriteArrayList<>();
    private LoginHashSource source;

    @AfterEach
    void tearDown() throws Exception {
        if (source != null) {
            source.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void serve(Handler<HttpServerRequest> handler) throws Exception {
        serve(handler, 500);
    }

    private void serve(Handler<HttpServerRequest> handler, long timeoutMillis) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            requests.add(request);
            handler.handle(request);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        source = new LoginHashSource(vertx, new HttpClientOptions(), "http://127.0.0.1:" + server.actualPort() + "/v2",
                "user@example.com", "secret-password", timeoutMillis);
    }

    private static String result(Future<String> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void givesUpOnALoginThatGetsNoAnswerInTime() throws Exception {
        serve(request -> { }); // never answers

        assertThatThrownBy(() -> result(source.hash())).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(NavixyConnectionException.class)
                .hasMessageContaining("user/auth gave no answer within 500 ms")
                .hasMessageNotContaining("secret-password");
    }

    @Test
    void refusesAnAnswerLargerThan64KiB() throws Exception {
        String huge = "{\"success\":true,\"hash\":\"" + "a".repeat(70_000) + "\"}";
        serve(request -> request.response().setChunked(true).end(huge));

        assertThatThrownBy(() -> result(source.hash())).cause()
                .hasMessageContaining("body over 65536 bytes");
    }

    @Test
    void sharesOneLoginBetweenCallersThatAskAtOnce() throws Exception {
        List<HttpServerRequest> pending = new CopyOnWriteArrayList<>();
        serve(pending::add, 10_000);

        Future<String> first = source.hash();
        Future<String> second = source.hash();
        await().atMost(5, TimeUnit.SECONDS).until(() -> pending.size() == 1);
        pending.get(0).response().end("{\"success\":true,\"type\":\"authenticated\",\"hash\":\"22eac1c27af4be7b9d04da2ce1af111b\"}");

        assertThat(result(first)).isEqualTo("22eac1c27af4be7b9d04da2ce1af111b");
        assertThat(result(second)).isEqualTo("22eac1c27af4be7b9d04da2ce1af111b");
        assertThat(result(source.hash())).isEqualTo("22eac1c27af4be7b9d04da2ce1af111b");
        assertThat(requests).hasSize(1);
    }

    @Test
    void turnsLoginsLimitIntoALongMinimumWait() throws Exception {
        serve(request -> request.response().setStatusCode(400)
                .end("{\"success\":false,\"status\":{\"code\":104,\"description\":\"Logins limit exceeded\\r\\nfake log line\"}}"));

        assertThatThrownBy(() -> result(source.hash())).cause()
                .isInstanceOfSatisfying(NavixyLoginLimitException.class, e -> {
                    assertThat(e.code()).isEqualTo(104);
                    assertThat(e.minimumWaitMillis()).isEqualTo(600_000);
                    assertThat(e.getMessage()).doesNotContain("\r", "\n");
                });
    }

    @Test
    void forgetsOnlyTheHashTheServerRefused() throws Exception {
        serve(request -> request.response().end("{\"success\":true,\"hash\":\"h" + requests.size() + "\"}"));
        String first = result(source.hash());

        source.forget("some-other-hash");
        assertThat(result(source.hash())).isEqualTo(first);
        source.forget(first);
        assertThat(result(source.hash())).isNotEqualTo(first);
        assertThat(requests).hasSize(2);
    }
}
