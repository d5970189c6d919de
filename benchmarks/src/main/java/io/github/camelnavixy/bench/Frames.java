package io.github.camelnavixy.bench;

/** Public access to {@link FrameSample} for benchmarks in other packages. */
public final class Frames {

    private Frames() {
    }

    public static byte[] stateBatchFrame() throws Exception {
        return FrameSample.stateBatchFrame();
    }
}
