package io.tunnelwatch.agent.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The JSON form of the parse models (see docs/parse-json.md): record components in declaration
 * order as snake_case keys, an empty Optional left out rather than written as null, so that a
 * consumer can tell "not shown by the router" from a value.
 */
final class ParseJson {

  private ParseJson() {}

  static ObjectMapper mapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    // NON_ABSENT only covers reference types (Optional); the primitive optionals are "empty"
    JsonInclude.Value nonEmpty =
        JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY);
    for (Class<?> type :
        new Class<?>[] {OptionalInt.class, OptionalLong.class, OptionalDouble.class}) {
      mapper.configOverride(type).setInclude(nonEmpty);
    }
    return mapper;
  }
}
