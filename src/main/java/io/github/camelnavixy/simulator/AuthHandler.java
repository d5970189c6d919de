package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The slice of Navixy's REST API a WebSocket client needs (spec §6): {@code user/auth} (login → session hash),
 * {@code user/session/renew} (a full lifetime from now) and {@code user/logout}; {@code tracker/list} and
 * {@code track/read} are passed on to {@link TrackerRestHandler}. Parameters are read from a JSON
 * body, a form body or the query string, as Navixy accepts all three. API errors use HTTP 400 with the Navixy error
 * body; the client must look at {@code success}/{@code status.code}.
 */
final class AuthHandler {

    private final ObjectMapper mapper;
    private final Credentials credentials;
    private final Fleet fleet;
    private final Consumer<Set<String>> onSessionsEnded;
    private final Faults faults;
    private final SimulatorStats stats;
    /** The tracker and track methods (tracker/list, track/read), kept in a class of their own. */
    private volatile TrackerRestHandler trackerApi;

    /** @param onSessionsEnded called on the event loop with hashes whose sessions a REST logout ended */
    AuthHandler(ObjectMapper mapper, Credentials credentials, Fleet fleet, Consumer<Set<String>> onSessionsEnded,
            Faults faults, SimulatorStats stats) {
        this.mapper = mapper;
        this.credentials = credentials;
        this.fleet = fleet;
        this.onSessionsEnded = onSessionsEnded;
        this.faults = faults;
        this.stats = stats;
    }

    void trackerApi(TrackerRestHandler handler) {
        this.trackerApi = handler;
    }

    /** @return false when the path is not one of ours */
    boolean handle(HttpServerRequest request, String path) {
        switch (path) {
            case "/v2/user/auth" -> withParams(request, p -> auth(request, p));
            case "/v2/user/logout" -> withParams(request, p -> logout(request, p));
            case "/v2/user/session/renew" -> withParams(request, p -> renew(request, p));
            default -> {
                TrackerRestHandler more = trackerApi;
                return more != null && more.handle(request, path);
            }
        }
        return true;
    }

    private void auth(HttpServerRequest request, JsonNode p) {
        stats.logins.incrementAndGet();
        if (faults.loginsStalled()) {
            return; // never answered: the client's timeout must cope
        }
        Integer forced = faults.nextForcedLoginError();
        if (forced != null) {
            error(request, forced);
            return;
        }
        String hash = credentials.login(text(p, "login"), text(p, "password"));
        if (hash == null) {
            error(request, ErrorCodes.WRONG_LOGIN);
            return;
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("success", true);
        body.put("type", "authenticated");
        body.put("hash", hash);
        ok(request, body);
    }

    private void logout(HttpServerRequest request, JsonNode p) {
        String hash = hashOf(request, p);
        if (!credentials.endSession(hash)) {
            error(request, credentials.check(hash) == Credentials.Check.ENDED ? ErrorCodes.SESSION_ENDED
                    : ErrorCodes.WRONG_HASH);
            return;
        }
        onSessionsEnded.accept(Set.of(hash));
        ObjectNode body = mapper.createObjectNode();
        body.put("success", true);
        ok(request, body);
    }

    /** {@code user/session/renew}: a full lifetime from now for a valid session; API keys get code 4 (spec §3). */
    private void renew(HttpServerRequest request, JsonNode p) {
        Integer forced = faults.nextForcedRenewError();
        if (forced != null) {
            error(request, forced);
            return;
        }
        Credentials.Check check = credentials.renew(hashOf(request, p));
        if (check != Credentials.Check.VALID) {
            error(request, check == Credentials.Check.ENDED ? ErrorCodes.SESSION_ENDED : ErrorCodes.WRONG_HASH);
            return;
        }
        stats.sessionRenewals.incrementAndGet();
        ObjectNode body = mapper.createObjectNode();
        body.put("success", true);
        ok(request, body);
    }

    static String hashOf(HttpServerRequest request, JsonNode p) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.startsWith("NVX ")) {
            return auth.substring(4).trim();
        }
        return text(p, "hash");
    }

    void withParams(HttpServerRequest request, Consumer<JsonNode> then) {
        request.body().onComplete(ar -> {
            ObjectNode params = mapper.createObjectNode();
            request.params().forEach(e -> params.put(e.getKey(), e.getValue()));
            Buffer body = ar.succeeded() ? ar.result() : null;
            if (body != null && body.length() > 0) {
                String contentType = String.valueOf(request.getHeader("Content-Type"));
                if (contentType.contains("x-www-form-urlencoded")) {
                    MultiMap form = request.formAttributes();
                    form.forEach(e -> params.put(e.getKey(), e.getValue()));
                    if (form.isEmpty()) {
                        parseForm(body.toString(), params);
                    }
                } else {
                    try {
                        JsonNode json = mapper.readTree(body.getBytes());
                        if (json != null && json.isObject()) {
                            params.setAll((ObjectNode) json);
                        }
                    } catch (Exception e) {
                        error(request, ErrorCodes.WRONG_REQUEST_FORMAT);
                        return;
                    }
                }
            }
            then.accept(params);
        });
    }

    private static void parseForm(String body, ObjectNode into) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    static String text(JsonNode p, String name) {
        JsonNode n = p.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    void ok(HttpServerRequest request, ObjectNode body) {
        send(request, 200, body);
    }

    void error(HttpServerRequest request, int code) {
        ObjectNode body = mapper.createObjectNode();
        body.put("success", false);
        ObjectNode status = body.putObject("status");
        status.put("code", code);
        status.put("description", ErrorCodes.description(code));
        send(request, 400, body);
    }

    void notFound(HttpServerRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("success", false);
        ObjectNode status = body.putObject("status");
        status.put("code", ErrorCodes.WRONG_HANDLER);
        status.put("description", ErrorCodes.description(ErrorCodes.WRONG_HANDLER));
        send(request, 404, body);
    }

    private void send(HttpServerRequest request, int status, ObjectNode body) {
        try {
            request.response().setStatusCode(status)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(mapper.writeValueAsString(body));
        } catch (Exception e) {
            request.response().setStatusCode(500).end();
        }
    }
}
