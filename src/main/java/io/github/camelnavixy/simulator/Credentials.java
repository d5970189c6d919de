package io.github.camelnavixy.simulator;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may subscribe: API keys (never expire, can be revoked), login/password accounts, and the session hashes that
 * {@code user/auth} hands out (valid until a logout, or until their lifetime from issue or last
 * {@code user/session/renew} has passed: Navixy's newer docs say 30 days from issue, as an absolute deadline). A hash the simulator never issued is "wrong" (code 3); one that
 * was valid and has ended (revoked key, logged-out session) is "not found or session ended" (code 4).
 * Thread-safe: tests change credentials while the event loop checks them.
 */
final class Credentials {

    enum Check { VALID, WRONG, ENDED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> apiKeys = ConcurrentHashMap.newKeySet();
    /** Session hash to the System.nanoTime() at which it expires. */
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final Map<String, String> accounts = new ConcurrentHashMap<>();

    private final long lifetimeNanos;

    Credentials(Collection<String> apiKeys, Map<String, String> accounts, java.time.Duration sessionLifetime) {
        this.apiKeys.addAll(apiKeys);
        this.accounts.putAll(accounts);
        this.lifetimeNanos = sessionLifetime.toNanos();
    }

    Check check(String hash) {
        if (hash == null) {
            return Check.WRONG;
        }
        if (apiKeys.contains(hash)) {
            return Check.VALID;
        }
        Long expires = sessions.get(hash);
        if (expires != null) {
            if (expires - System.nanoTime() > 0) {
                return Check.VALID;
            }
            endSession(hash); // its lifetime is over
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
        sessions.put(hash, System.nanoTime() + lifetimeNanos);
        return hash;
    }

    boolean isSession(String hash) {
        return hash != null && sessions.containsKey(hash);
    }

    /** {@code user/session/renew}: a valid session gets a full lifetime from now. */
    Check renew(String hash) {
        Check check = check(hash);
        if (check == Check.VALID && apiKeys.contains(hash)) {
            return Check.ENDED; // only standard sessions can be renewed: Navixy answers code 4 for an API key
        }
        if (check == Check.VALID) {
            sessions.computeIfPresent(hash, (h, old) -> System.nanoTime() + lifetimeNanos);
        }
        return check;
    }

    /** Ends the sessions whose lifetime is over; returns their hashes. */
    Set<String> endExpiredSessions() {
        long now = System.nanoTime();
        Set<String> expired = new java.util.HashSet<>();
        sessions.forEach((hash, expires) -> {
            if (expires - now <= 0 && endSession(hash)) {
                expired.add(hash);
            }
        });
        return expired;
    }

    /** Ends every session hash; returns the ended hashes. */
    Set<String> endAllSessions() {
        Set<String> all = Set.copyOf(sessions.keySet());
        all.forEach(this::endSession);
        return all;
    }

    boolean endSession(String hash) {
        if (hash != null && sessions.remove(hash) != null) {
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
