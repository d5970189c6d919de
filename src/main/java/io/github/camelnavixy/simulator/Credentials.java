package io.github.camelnavixy.simulator;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may subscribe: API keys (never expire, can be revoked), login/password accounts, and the session hashes that
 * {@code user/auth} hands out (valid until a logout). A hash the simulator never issued is "wrong" (code 3); one that
 * was valid and has ended (revoked key, logged-out session) is "not found or session ended" (code 4).
 * Thread-safe: tests change credentials while the event loop checks them.
 */
final class Credentials {

    enum Check { VALID, WRONG, ENDED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final Map<String, String> accounts = new ConcurrentHashMap<>();

    Credentials(Collection<String> apiKeys, Map<String, String> accounts) {
        this.apiKeys.addAll(apiKeys);
        this.accounts.putAll(accounts);
    }

    Check check(String hash) {
        if (hash == null) {
            return Check.WRONG;
        }
        if (apiKeys.contains(hash) || sessions.contains(hash)) {
            return Check.VALID;
        }
        return ended.contains(hash) ? Check.ENDED : Check.WRONG;
    }

    /** @return a new session hash, or null when login/password do not match an account */
    String login(String login, String password) {
        if (login == null || password == null || !password.equals(accounts.get(login))) {
            return null;
        }
        return createSession();
    }

    String createSession() {
        String hash = newHash();
        sessions.add(hash);
        return hash;
    }

    boolean isSession(String hash) {
        return hash != null && sessions.contains(hash);
    }

    /** Ends every session hash; returns the ended hashes. */
    Set<String> endAllSessions() {
        Set<String> all = Set.copyOf(sessions);
        sessions.removeAll(all);
        ended.addAll(all);
        return all;
    }

    boolean endSession(String hash) {
        if (hash != null && sessions.remove(hash)) {
            ended.add(hash);
            return true;
        }
        return false;
    }

    boolean revokeApiKey(String key) {
        if (key != null && apiKeys.remove(key)) {
            ended.add(key);
            return true;
        }
        return false;
    }

    void addApiKey(String key) {
        ended.remove(key);
        apiKeys.add(key);
    }

    void addAccount(String login, String password) {
        accounts.put(login, password);
    }

    /** 32 lower-case hex characters, like Navixy hashes. */
    static String newHash() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
