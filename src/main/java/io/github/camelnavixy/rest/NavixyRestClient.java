package io.github.camelnavixy.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelnavixy.client.HashSource;
import io.github.camelnavixy.protocol.ServerText;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final HttpClient http;
    private final String baseUrl;
    private final HashSource hashes;
    private final long timeoutMillis;
    private final int maxBodyBytes;
    private final AtomicLong calls = new AtomicLong();

    public NavixyRestClient(Vertx vertx, HttpClientOptions options, String baseUrl, HashSource hashes,
            long timeoutMillis, int maxBodyBytes) {
        this.vertx = vertx;
        this.http = vertx.createHttpClient(options);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.hashes = hashes;
        this.timeoutMillis = timeoutMillis;
        this.maxBodyBytes = maxBodyBytes;
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
        Promise<JsonNode> result = Promise.promise();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(baseUrl + "/" + method)
                .putHeader("Content-Type", "application/json")
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(Math.max(1, timeoutMillis), t -> {
            if (result.tryFail(new NavixyRestException(method, 0, method + " gave no answer within " + timeoutMillis + " ms", null))
                    && sent[0] != null) {
                sent[0].reset();
            }
        });
        http.request(options).onComplete(requested -> {
            if (requested.failed()) {
                result.tryFail(failure(method, requested.cause()));
                return;
            }
            HttpClientRequest request = requested.result();
            sent[0] = request;
            if (result.future().isComplete()) {
                request.reset();
                return;
            }
            request.send(body.toString()).onComplete(answered -> {
                if (answered.failed()) {
                    result.tryFail(failure(method, answered.cause()));
                } else {
                    read(method, answered.result(), result);
                }
            });
        });
        return result.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private void read(String method, HttpClientResponse response, Promise<JsonNode> result) {
        Buffer body = Buffer.buffer();
        String tooLarge = method + " answered HTTP " + response.statusCode() + " with a body over " + maxBodyBytes + " bytes";
        response.handler(chunk -> {
            if (result.future().isComplete()) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBodyBytes) {
                result.tryFail(new NavixyRestException(method, 0, tooLarge, null));
                response.request().reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(error -> result.tryFail(failure(method, error)));
        response.endHandler(v -> {
            if (result.future().isComplete()) {
                return;
            }
            JsonNode json;
            try {
                json = MAPPER.readTree(body.getBytes());
            } catch (Exception e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                result.tryFail(new NavixyRestException(method, 0,
                        method + " answered HTTP " + response.statusCode() + " with a body that is not JSON", null));
            } else if (!json.path("success").asBoolean(false)) {
                // Navixy's rule: branch on status.code, never on the HTTP status.
                int code = json.path("status").path("code").asInt(0);
                String description = ServerText.safe(json.path("status").path("description").asText("no description"));
                result.tryFail(new NavixyRestException(method, code, method + " failed: code " + code + " (" + description + ")", null));
            } else {
                result.tryComplete(json);
            }
        });
    }

    private static NavixyRestException failure(String method, Throwable cause) {
        return new NavixyRestException(method, 0, method + " failed: " + ServerText.safe(String.valueOf(cause.getMessage())), cause);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "NavixyRestClient[" + baseUrl + "]";
    }
}
