package io.github.camelnavixy.model;

import java.io.IOException;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/** Writes a timestamp as ISO-8601 with offset, so it reads back unchanged whatever zone the reader assumes. */
public final class NavixyTimestampSerializer extends StdScalarSerializer<OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    public NavixyTimestampSerializer() {
        super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(NavixyTime.format(value));
    }
}
