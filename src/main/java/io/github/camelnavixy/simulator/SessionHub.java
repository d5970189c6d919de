package io.github.camelnavixy.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The open connections. Copy-on-write so test threads can list them while the event loop adds and removes (both are
 * rare next to the per-tick iteration).
 */
final class SessionHub {

    private final List<AtmosphereSession> sessions = new CopyOnWriteArrayList<>();
    private final SimulatorStats stats;

    SessionHub(SimulatorStats stats) {
        this.stats = stats;
    }

    void add(AtmosphereSession session) {
        sessions.add(session);
        stats.connectionOpened();
        session.onClose(s -> {
            if (sessions.remove(s)) {
                stats.connectionClosed();
            }
        });
    }

    List<AtmosphereSession> sessions() {
        return sessions;
    }

    /** Applies {@code action} to every open session; returns how many there were. */
    int forEach(Consumer<AtmosphereSession> action) {
        int n = 0;
        for (AtmosphereSession s : sessions) {
            if (!s.isClosed()) {
                action.accept(s);
                n++;
            }
        }
        return n;
    }

    List<ConnectionInfo> infos() {
        List<ConnectionInfo> infos = new ArrayList<>();
        for (AtmosphereSession s : sessions) {
            ConnectionInfo info = s.info();
            if (info != null) { // null between joining the hub and starting, which another thread can see
                infos.add(info);
            }
        }
        return infos;
    }
}
