package io.github.camelnavixy.simulator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The simulator's public port: a TCP relay in front of its HTTP server, which listens on an ephemeral loopback port.
 * Every accepted connection gets its own connection to the HTTP server and a {@link RelayedConnection} that copies the
 * bytes, so faults below WebSocket (abrupt close, silence) need nothing but Vert.x's public API. With TLS on, TLS ends
 * at the HTTP server: the relay moves encrypted bytes.
 *
 * <p>The relay runs on an event loop of its own (a verticle's), like a network between client and server: the
 * simulator's ticks do not delay the bytes in flight. The HTTP server finds the relayed connection of a request by the
 * request's remote address, which is the local address of the relay's socket to it.
 */
final class SocketRelay {

    private static final String LOOPBACK = "127.0.0.1";

    private final Vertx vertx;
    private final Map<Integer, RelayedConnection> byRelayPort = new ConcurrentHashMap<>();
    private volatile Context context;
    private volatile String deployment;
    private NetClient client;
    private NetServer server;
    private int targetPort;

    SocketRelay(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Listens on {@code host:port} (0: any free port) and relays to the HTTP server on loopback {@code targetPort}. */
    Future<Integer> listen(String host, int port, int targetPort) {
        return relayContext().compose(ctx -> onRelay(() -> {
            this.targetPort = targetPort;
            if (client == null) {
                client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5000));
            }
            NetServer s = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port)
                    .setReuseAddress(true).setTcpNoDelay(true));
            s.connectHandler(this::accept);
            return s.listen().map(bound -> {
                server = bound;
                return bound.actualPort();
            });
        }));
    }

    private Future<Context> relayContext() {
        if (context != null) {
            return Future.succeededFuture(context);
        }
        Promise<Context> started = Promise.promise();
        vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start() {
                SocketRelay.this.context = context;
                started.complete(context);
            }
        }).onSuccess(id -> deployment = id).onFailure(started::tryFail);
        return started.future();
    }

    private void accept(NetSocket front) {
        front.pause(); // nothing is read until there is somewhere to copy it to
        client.connect(targetPort, LOOPBACK).onComplete(connected -> {
            if (connected.failed()) {
                front.close();
                return;
            }
            NetSocket back = connected.result();
            int relayPort = back.localAddress().port();
            RelayedConnection link = new RelayedConnection(context, front, back, () -> byRelayPort.remove(relayPort));
            // registered before any byte reaches the HTTP server, so its request handler always finds the link
            byRelayPort.put(relayPort, link);
            link.start();
        });
    }

    /** The relayed connection the HTTP server sees as coming from {@code remoteAddress}, or null. */
    RelayedConnection connectionFrom(SocketAddress remoteAddress) {
        return remoteAddress == null ? null : byRelayPort.get(remoteAddress.port());
    }

    /** Drops every relayed connection abruptly and unbinds the public port. */
    Future<Void> close() {
        if (context == null) {
            return Future.succeededFuture();
        }
        return onRelay(() -> {
            List<RelayedConnection> open = new ArrayList<>(byRelayPort.values());
            open.forEach(RelayedConnection::closeBoth);
            NetServer s = server;
            server = null;
            return s == null ? Future.<Void>succeededFuture() : s.close();
        });
    }

    /** Closes the relay for good: connections, port, client and its event loop's verticle. */
    Future<Void> shutdown() {
        return close().eventually(() -> {
            String id = deployment;
            deployment = null;
            context = null;
            return id == null ? Future.<Void>succeededFuture() : vertx.undeploy(id);
        });
    }

    private <T> Future<T> onRelay(Supplier<Future<T>> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                action.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }
}
