package io.github.camelnavixy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnavixy.model.NavixyJson;
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

/**
 * The one way a Navixy REST method is called ({@code user/auth}, {@code tracker/list}, {@code track/read}, ...):
 * {@code POST {baseUrl}/{method}} with a JSON body, bounded in time (connect and idle timeouts plus a timer on the
 * whole call, which resets the request when it fires) and in size (a declared or received body over the cap ends the
 * call), and read as a JSON object within the server limits of {@link NavixyJson}. Whether the object is a success is
 * the caller's business: Navixy's rule is to branch on {@code status.code}, never on the HTTP status.
 *
 * <p>Failures are {@link CallFailure}s whose message names the method and says what went wrong; callers turn them
 * into their own exception type. Thread-safe.
 */
public final class BoundedJsonPost implements AutoCloseable {

    /** A call that produced no JSON object: no answer in time, transport failure, body too large or not JSON. */
    public static final class CallFailure extends Exception {
        CallFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private final Vertx vertx;
    private final HttpClient http;
    private final String baseUrl;
    private final long timeoutMillis;
    private final int maxBodyBytes;
    private final ObjectMapper mapper;

    public BoundedJsonPost(Vertx vertx, HttpClientOptions options, String baseUrl, long timeoutMillis, int maxBodyBytes) {
        this.vertx = vertx;
        this.http = vertx.createHttpClient(options);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeoutMillis = timeoutMillis;
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = NavixyJson.newServerMapper(maxBodyBytes);
    }

    /** The base URL calls go to, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** POSTs {@code body} to {@code method}; the future holds the answer's JSON object or fails with a {@link CallFailure}. */
    public Future<JsonNode> post(String method, String body) {
        Promise<JsonNode> result = Promise.promise();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(baseUrl + "/" + method)
                .putHeader("Content-Type", "application/json")
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(Math.max(1, timeoutMillis), t -> {
            if (result.tryFail(new CallFailure(method + " gave no answer within " + timeoutMillis + " ms", null))
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
            request.send(body).onComplete(answered -> {
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
        String length = response.getHeader("Content-Length");
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBodyBytes) {
            result.tryFail(new CallFailure(tooLarge, null)); // refused before reading a byte of it
            response.request().reset();
            return;
        }
        response.handler(chunk -> {
            if (result.future().isComplete()) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBodyBytes) {
                result.tryFail(new CallFailure(tooLarge, null));
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
                json = mapper.readTree(body.getBytes());
            } catch (Exception e) {
                json = null;
            }
            if (json == null || !json.isObject()) {
                result.tryFail(new CallFailure(method + " answered HTTP " + response.statusCode() + " with a body that is not JSON", null));
            } else {
                result.tryComplete(json);
            }
        });
    }

    private static CallFailure failure(String method, Throwable cause) {
        return new CallFailure(method + " failed: " + ServerText.safe(String.valueOf(cause.getMessage())), cause);
    }

    @Override
    public void close() {
        http.close();
    }
}
