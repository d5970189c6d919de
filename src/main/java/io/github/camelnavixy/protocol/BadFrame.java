package io.github.camelnavixy.protocol;

/**
 * Thrown deep inside decoding, where the frame text is not at hand; {@link MessageDecoder} turns it into a
 * {@link MalformedFrameException} with the excerpt.
 */
final class BadFrame extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadFrame(String reason) {
        super(reason, null, false, false);
    }
}
