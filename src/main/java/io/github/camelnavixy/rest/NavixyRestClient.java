package io.github.camelnavixy.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelnavixy.client.BoundedJsonPost;
import io.github.camelnavixy.client.HashSource;
import io.github.camelnavixy.protocol.ServerText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls Navixy REST methods the way {@code user/auth} is called ({@code LoginHashSource}): {@code POST
 * {baseUrl}/{method}} with a JSON body, the same Vert.x client options (TLS, proxy), every call bounded in time
 * (connect, idle and a whole-call timer) and in body size. The hash comes from the consumer's one {@link HashSource},
 * so no call logs in again by itself; when the server refuses the hash (3/4) and it can be renewed, the source is told
 * to forget it and the call is made once more with the next one.
 *
 * <p>The answer is the parsed JSON object of a {@code success:true} reply; anything else fails the future with a
 * {@link NavixyRestException} carrying Navixy's code. Thread-safe.
 */
public final class NavixyRestClient implements AutoCloseable {

    private final BoundedJsonPost http;
    private final HashSource hashes;
    private final AtomicLong calls = new AtomicLong();

    public NavixyRestClient(Vertx vertx, HttpClientOptions options, String baseUrl, HashSource hashes,
            long timeoutMillis, int maxBodyBytes) {
        this.http = new BoundedJsonPost(vertx, options, baseUrl, timeoutMillis, maxBodyBytes);
        this.hashes = hashes;
    }

    /** REST calls sent so far (retries included). */
    public long callCount() {
        return calls.get();
    }

    /**
     * Calls {@code method} with {@code params} (the hash is added).
     *
     * @return the success answer, or a failed future with a {@link NavixyRestException}
     */
    public Future<JsonNode> call(String method, ObjectNode params) {
        return hashes.hash()
                .recover(e -> Future.failedFuture(new NavixyRestException(method, 0,
                        method + ": no session hash: " + ServerText.safe(String.valueOf(e.getMessage())), e)))
                .compose(hash -> post(method, params, hash).recover(e -> {
                    if (e instanceof NavixyRestException refused && refused.sessionRefused() && hashes.renewable()) {
                        hashes.forget(hash);
                        return hashes.hash().compose(next -> post(method, params, next));
                    }
                    return Future.failedFuture(e);
                }));
    }

    private Future<JsonNode> post(String method, ObjectNode params, String hash) {
        calls.incrementAndGet();
        ObjectNode body = params.deepCopy().put("hash", hash);
        return http.post(method, body.toString())
                .recover(failed -> Future.failedFuture(new NavixyRestException(method, 0, failed.getMessage(), failed.getCause())))
                .compose(json -> {
                    if (json.path("success").asBoolean(false)) {
                        return Future.succeededFuture(json);
                    }
                    // Navixy's rule: branch on status.code, never on the HTTP status.
                    int code = json.path("status").path("code").asInt(0);
                    String description = ServerText.safe(json.path("status").path("description").asText("no description"));
                    return Future.failedFuture(new NavixyRestException(method, code,
                            method + " failed: code " + code + " (" + description + ")", null));
                });
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "NavixyRestClient[" + http.baseUrl() + "]";
    }
}
