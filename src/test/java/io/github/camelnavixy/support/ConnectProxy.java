package io.github.camelnavixy.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP proxy for tests that only tunnels: it answers {@code CONNECT host:port} with 200 and then relays bytes
 * both ways. It records every tunnel target and every Proxy-Authorization it was given, and when built with
 * credentials answers 407 to a CONNECT without the right ones. Anything but CONNECT gets 405.
 */
public final class ConnectProxy implements AutoCloseable {

    private static final String HEADER_END = "\r\n\r\n";

    private final Vertx vertx = Vertx.vertx();
    private final NetClient client = vertx.createNetClient();
    private final String expectedAuthorization;
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final NetServer server;

    private ConnectProxy(String user, String password) {
        this.expectedAuthorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            this.server = vertx.createNetServer().connectHandler(this::accept).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("proxy did not start", e);
        }
    }

    /** A proxy that lets every CONNECT through. */
    public static ConnectProxy open() {
        return new ConnectProxy(null, null);
    }

    /** A proxy that wants Basic credentials. */
    public static ConnectProxy withCredentials(String user, String password) {
        return new ConnectProxy(user, password);
    }

    public int port() {
        return server.actualPort();
    }

    /** The {@code host:port} of every tunnel opened, in order. */
    public List<String> tunnels() {
        return tunnels;
    }

    /** The request lines turned away (wrong method or credentials). */
    public List<String> refused() {
        return refused;
    }

    private void accept(NetSocket socket) {
        Buffer head = Buffer.buffer();
        socket.handler(data -> {
            head.appendBuffer(data);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf(HEADER_END);
            if (end < 0) {
                return;
            }
            socket.pause();
            socket.handler(null);
            Buffer rest = head.getBuffer(end + HEADER_END.length(), head.length());
            request(socket, text.substring(0, end).split("\r\n"), rest);
        });
    }

    private void request(NetSocket socket, String[] lines, Buffer rest) {
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length < 2 || !"CONNECT".equals(requestLine[0])) {
            refused.add(lines[0]);
            socket.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n").onComplete(v -> socket.close());
            return;
        }
        if (expectedAuthorization != null && !expectedAuthorization.equals(header(lines, "Proxy-Authorization"))) {
            refused.add(lines[0]);
            socket.write("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                    + "Content-Length: 0\r\n\r\n").onComplete(v -> socket.close());
            return;
        }
        String target = requestLine[1];
        int colon = target.lastIndexOf(':');
        client.connect(Integer.parseInt(target.substring(colon + 1)), target.substring(0, colon)).onComplete(ar -> {
            if (ar.failed()) {
                socket.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n").onComplete(v -> socket.close());
                return;
            }
            tunnels.add(target);
            NetSocket upstream = ar.result();
            socket.write("HTTP/1.1 200 Connection established\r\n\r\n");
            if (rest.length() > 0) {
                upstream.write(rest);
            }
            socket.pipeTo(upstream); // resumes the client side
            upstream.pipeTo(socket);
        });
    }

    private static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("proxy did not close", e);
        }
    }
}
