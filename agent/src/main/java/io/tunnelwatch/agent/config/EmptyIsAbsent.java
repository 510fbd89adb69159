package io.tunnelwatch.agent.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a text key: an empty value ({@code key: ""}) is taken as the key left out, as it is for every
 * key that is not text. Without it, an empty text is a value the validator judges (and refuses
 * where a name, host or path belongs).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface EmptyIsAbsent {}
