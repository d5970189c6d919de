package io.github.camelnavixy.simulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.TrustOptions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * A certificate for one DNS name, signed by its own key, made with the JDK's public API only. Vert.x's
 * {@code SelfSignedCertificate} would do, but it needs Bouncy Castle or access to the JDK's internal
 * {@code sun.security.x509}, which Java 17 closes; so this class writes the few DER structures of an X.509 v3
 * certificate itself: RSA 2048, SHA-256, valid from a day ago for a year, the name as common name and as the one
 * subject alternative name (so it verifies for that name and nothing else, not even its address).
 */
final class SimulatorCertificate {

    private static final char[] PASSWORD = "navixy-simulator".toCharArray();
    private static final String ALIAS = "navixy-simulator";
    private static final byte[] SHA256_WITH_RSA = oid(1, 2, 840, 113549, 1, 1, 11);
    private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);
    private static final byte[] SUBJECT_ALT_NAME = oid(2, 5, 29, 17);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private final X509Certificate certificate;
    private final byte[] pkcs12;

    private SimulatorCertificate(X509Certificate certificate, byte[] pkcs12) {
        this.certificate = certificate;
        this.pkcs12 = pkcs12;
    }

    /** Makes a new key pair and certificate for {@code dnsName}. */
    static SimulatorCertificate create(String dnsName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            byte[] name = seq(set(seq(COMMON_NAME, tlv(0x0C, dnsName.getBytes(StandardCharsets.UTF_8)))));
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            byte[] algorithm = seq(SHA256_WITH_RSA, new byte[] { 0x05, 0x00 });
            byte[] tbs = seq(
                    tlv(0xA0, integer(BigInteger.valueOf(2))), // version 3
                    integer(new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE)),
                    algorithm,
                    name,
                    seq(time(now.minusDays(1)), time(now.plusYears(1))),
                    name,
                    keys.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
                    tlv(0xA3, seq(seq(SUBJECT_ALT_NAME,
                            tlv(0x04, seq(tlv(0x82, dnsName.getBytes(StandardCharsets.US_ASCII))))))));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            byte[] der = seq(tbs, algorithm, tlv(0x03, bitString));

            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keys.getPrivate(), PASSWORD, new java.security.cert.Certificate[] { certificate });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, PASSWORD);
            return new SimulatorCertificate(certificate, out.toByteArray());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** The key and certificate, for the simulator's HTTP server. */
    KeyCertOptions keyCertOptions() {
        return new PfxOptions().setValue(Buffer.buffer(pkcs12)).setPassword(new String(PASSWORD)).setAlias(ALIAS);
    }

    /** The certificate alone, for Vert.x clients that should trust it. */
    TrustOptions trustOptions() {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return new PemTrustOptions().addCertValue(Buffer.buffer(pem));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- DER ----------------------------------------------------------------------------------------------------------

    private static byte[] time(ZonedDateTime t) {
        return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] oid(int... arcs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(40 * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            int shift = 28;
            while (shift > 0 && (arc >>> shift) == 0) {
                shift -= 7;
            }
            for (; shift > 0; shift -= 7) {
                body.write(0x80 | ((arc >>> shift) & 0x7F));
            }
            body.write(arc & 0x7F);
        }
        return tlv(0x06, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
