package io.tunnelwatch.agent.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.SavedDeviceState;
import io.tunnelwatch.core.counters.SeriesKey;
import java.io.IOException;

/**
 * A device's saved state as JSON. The model records map to JSON one to one; map keys that are
 * records (object references, series keys) are written as the JSON text of the record, since JSON
 * object keys can only be strings.
 */
public final class DeviceStateCodec {

  /** Raised when the state layout changes incompatibly; older saved states are then discarded. */
  static final int FORMAT = 1;

  private final ObjectMapper plain;
  private final ObjectMapper mapper;

  public DeviceStateCodec() {
    plain = StoredJson.builder().build();
    SimpleModule recordKeys = new SimpleModule("record map keys");
    addRecordKey(recordKeys, ObjectRef.class);
    addRecordKey(recordKeys, SeriesKey.class);
    mapper = StoredJson.builder().addModule(recordKeys).build();
  }

  private <K> void addRecordKey(SimpleModule module, Class<K> type) {
    module.addKeySerializer(
        type,
        new JsonSerializer<K>() {
          @Override
          public void serialize(K key, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeFieldName(plain.writeValueAsString(key));
          }
        });
    module.addKeyDeserializer(
        type,
        new KeyDeserializer() {
          @Override
          public Object deserializeKey(String key, DeserializationContext context)
              throws IOException {
            return plain.readValue(key, type);
          }
        });
  }

  public String encode(SavedDeviceState state) {
    try {
      return mapper.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the state of " + state.device(), e);
    }
  }

  /**
   * @throws IOException when the text is not a saved state of this format
   */
  public SavedDeviceState decode(String json) throws IOException {
    return mapper.readValue(json, SavedDeviceState.class);
  }
}
