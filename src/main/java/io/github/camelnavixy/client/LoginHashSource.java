package io.github.camelnavixy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelnavixy.model.NavixyJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.util.function.Function;

/**
 * A session hash from {@code POST {baseUrl}/user/auth}, kept across reconnects and across connections: Navixy limits
 * logins (error 104), so a new login happens only when there is no hash, the server refused it, or renewing it failed.
 *
 * <p>Every REST call is bounded: an answer must come within the request timeout (10 s by default; the same value is
 * the idle timeout of the exchange) and its body may not pass {@value #MAX_BODY_BYTES} bytes. At most one call is in
 * flight: callers that ask while a login or renewal runs get that same future. Thread-safe, since a suspend and resume
 * hands the source from one connection's event loop to the next.
 */
public final class LoginHashSource implements HashSource {

    /** Largest {@code user/auth} or {@code user/session/renew} answer read; a session answer is under 200 bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;
    /** Server JSON, read within the same limits as the feed (nesting, string and number lengths) and the body cap. */
    private static final ObjectMapper MAPPER = NavixyJson.newServerMapper(MAX_BODY_BYTES);

    private final Vertx vertx;
    private final HttpClient http;
    private final String baseUrl;
    private final String login;
    private final String password;
    private final long requestTimeoutMillis;

    private String hash;
    private long sessionStartMillis;
    private Future<String> inFlight;

    public LoginHashSource(Vertx vertx, HttpClientOptions options, String baseUrl, String login, String password) {
        this(vertx, options, baseUrl, login, password, DEFAULT_REQUEST_TIMEOUT_MILLIS);
    }

    public LoginHashSource(Vertx vertx, HttpClientOptions options, String baseUrl, String login, String password,
            long requestTimeoutMillis) {
        this.vertx = vertx;
        this.http = vertx.createHttpClient(options);
        this.baseUrl = stripSlash(baseUrl);
        this.login = login;
        this.password = password;
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    @Override
    public synchronized Future<String> hash() {
        if (hash != null) {
            return Future.succeededFuture(hash);
        }
        return inFlight != null ? inFlight : track(logIn());
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public synchronized void forget(String refused) {
        if (refused != null && refused.equals(hash)) {
            hash = null;
            sessionStartMillis = 0;
        }
    }

    @Override
    public synchronized long sessionStartMillis() {
        return hash == null ? 0 : sessionStartMillis;
    }

    @Override
    public synchronized Future<String> keepAlive() {
        if (inFlight != null) {
            return inFlight;
        }
        if (hash == null) {
            return track(logIn());
        }
        String current = hash;
        ObjectNode body = MAPPER.createObjectNode().put("hash", current);
        Future<String> renewed = post("user/session/renew", body, (json) -> {
            if (!json.path("success").asBoolean(false)) {
                throw refusal("user/session/renew", json);
            }
            return current;
        }).recover(failed -> logIn()); // a session that cannot be renewed is replaced
        return track(renewed);
    }

    /** Remembers the call as the one in flight, and its hash once it succeeds. Caller holds the lock. */
    private Future<String> track(Future<String> call) {
        Promise<String> done = Promise.promise();
        inFlight = done.future();
        call.onComplete(result -> {
            synchronized (this) {
                inFlight = null;
                if (result.succeeded()) {
                    hash = result.result();
                    sessionStartMillis = System.currentTimeMillis();
                }
            }
            done.handle(result);
        });
        // Not inFlight: a call that has already ended ran the handler above at once and cleared it.
        return done.future();
    }

    private Future<String> logIn() {
        ObjectNode body = MAPPER.createObjectNode().put("login", login).put("password", password);
        return post("user/auth", body, this::readHash);
    }

    private String readHash(JsonNode json) {
        if (json.path("success").asBoolean(false) && json.hasNonNull("hash")) {
            if ("second_factor_required".equals(json.path("type").asText())) {
                throw new NavixyAuthenticationException(
                        "user/auth for login '" + login + "' needs a second factor, which this component cannot give: use an apiKey", 0);
            }
            return json.get("hash").asText();
        }
        throw refusal("user/auth", json);
    }

    private NavixyConnectionException refusal(String method, JsonNode json) {
        int code = json.path("status").path("code").asInt(0);
        String description = ServerText.safe(json.path("status").path("description").asText("no description"));
        String message = method + " refused login '" + login + "': code " + code + " (" + description + ")";
        ErrorCodePolicy policy = ErrorCodePolicy.of(code);
        if (policy == ErrorCodePolicy.LOGIN_REFUSED) {
            return new NavixyAuthenticationException(message, code);
        }
        if (policy.minimumWaitMillis() > 0) {
            return new NavixyLoginLimitException(message + "; next login in " + policy.minimumWaitMillis() / 1000 + " s at the earliest",
                    code, policy.minimumWaitMillis());
        }
        return new NavixyConnectionException(message);
    }

    /** POSTs JSON to {@code baseUrl/method} and reads the answer, bounded in time and size. */
    private Future<String> post(String method, ObjectNode body, Function<JsonNode, String> read) {
        Promise<String> result = Promise.promise();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(baseUrl + "/" + method)
                .putHeader("Content-Type", "application/json")
                .setConnectTimeout(requestTimeoutMillis)
                .setIdleTimeout(requestTimeoutMillis);
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(Math.max(1, requestTimeoutMillis), t -> {
            if (result.tryFail(new NavixyConnectionException(method + " gave no answer within " + requestTimeoutMillis + " ms"))
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
                    readCapped(method, answered.result(), read, result);
                }
            });
        });
        return result.future().onComplete(done -> vertx.cancelTimer(timer));
    }

    private void readCapped(String method, HttpClientResponse response, Function<JsonNode, String> read, Promise<String> result) {
        Buffer body = Buffer.buffer();
        String tooLarge = method + " answered HTTP " + response.statusCode() + " with a body over " + MAX_BODY_BYTES + " bytes";
        String length = response.getHeader("Content-Length");
        if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit) && Long.parseLong(length) > MAX_BODY_BYTES) {
            result.tryFail(new NavixyConnectionException(tooLarge));
            response.request().reset();
            return;
        }
        response.handler(chunk -> {
            if (result.future().isComplete()) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                result.tryFail(new NavixyConnectionException(tooLarge));
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
                result.tryFail(new NavixyConnectionException(method + " answered HTTP " + response.statusCode() + " with a body that is not JSON"));
                return;
            }
            try {
                result.tryComplete(read.apply(json));
            } catch (NavixyConnectionException e) {
                result.tryFail(e);
            }
        });
    }

    private static NavixyConnectionException failure(String method, Throwable cause) {
        return new NavixyConnectionException(method + " failed: " + ServerText.safe(String.valueOf(cause.getMessage())), cause);
    }

    @Override
    public void close() {
        http.close();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "LoginHashSource[login=" + login + ", password=xxxxxx]";
    }
}
