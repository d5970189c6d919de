package io.github.camelnavixy.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * Marks a timestamp component so that any {@code ObjectMapper} (even one without the JSR-310 module) reads both
 * Navixy formats and writes ISO-8601.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@JacksonAnnotationsInside
@JsonDeserialize(using = NavixyTimestampDeserializer.class)
@JsonSerialize(using = NavixyTimestampSerializer.class)
public @interface NavixyTimestamp {
}
