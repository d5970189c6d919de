package io.github.camelnavixy;

/** How the consumer talks to the proxy set with {@code proxyHost}/{@code proxyPort}. */
public enum ProxyType {
    /** An HTTP proxy: a {@code CONNECT host:port} tunnel (for plain {@code http} REST calls, an absolute-URI request). */
    HTTP,
    /** A SOCKS5 proxy. */
    SOCKS5
}
