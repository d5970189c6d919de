package io.github.camelnavixy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelnavixy.protocol.ServerText;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;


import io.vertx.core.http.HttpClientOptions;





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

    private final BoundedJsonPost calls;
    private final String login;
    private final String password;

    private String hash;
    private long sessionStartMillis;
    private Future<String> inFlight;

    public LoginHashSource(Vertx vertx, HttpClientOptions options, String baseUrl, String login, String password) {
        this(vertx, options, baseUrl, login, password, DEFAULT_REQUEST_TIMEOUT_MILLIS);
    }

    public LoginHashSource(Vertx vertx, HttpClientOptions options, String baseUrl, String login, String password,
            long requestTimeoutMillis) {
        this.calls = new BoundedJsonPost(vertx, options, baseUrl, requestTimeoutMillis, MAX_BODY_BYTES);
        this.login = login;
        this.password = password;
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
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("hash", current);
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
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("login", login).put("password", password);
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

    /** POSTs JSON to {@code baseUrl/method} through the shared bounded call and reads the answer. */
    private Future<String> post(String method, ObjectNode body, Function<JsonNode, String> read) {
        return calls.post(method, body.toString())
                .recover(failed -> Future.failedFuture(new NavixyConnectionException(failed.getMessage(), failed.getCause())))
                .compose(json -> {
                    try {
                        return Future.succeededFuture(read.apply(json));
                    } catch (NavixyConnectionException e) {
                        return Future.failedFuture(e);
                    }
                });
    }

    @Override
    public void close() {
        calls.close();
    }


    @Override
    public String toString() {
        return "LoginHashSource[login=" + login + ", password=xxxxxx]";
    }
}
