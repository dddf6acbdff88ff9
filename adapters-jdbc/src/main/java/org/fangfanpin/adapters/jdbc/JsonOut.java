package org.fangfanpin.adapters.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;

/**
 * Writes one stored document (存储文档) field by field in the fixed format: money as whole fen,
 * days and instants as ISO-8601 strings, enums by name, absent optionals left out, lists in order,
 * sets of enums sorted by name, maps in their own order. The format version {@code "v"} comes first.
 *
 * <p>A thin layer over Jackson's streaming generator; the shared {@link JsonFactory} is
 * thread-safe, each document gets its own generator.
 */
final class JsonOut {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final JsonGenerator g;

  private JsonOut(JsonGenerator g) {
    this.g = g;
  }

  /** Writes one document: the opening brace and version, then {@code body}, then the closing brace. */
  static String document(java.util.function.Consumer<JsonOut> body) {
    StringWriter w = new StringWriter(512);
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      JsonOut out = new JsonOut(g);
      g.writeStartObject();
      g.writeNumberField("v", JsonFields.FORMAT_VERSION);
      body.accept(out);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail / 写入内存不应失败", e);
    }
    return w.toString();
  }

  JsonOut text(String name, String value) {
    return io(() -> g.writeStringField(name, value));
  }

  JsonOut text(String name, Optional<String> value) {
    return value.isPresent() ? text(name, value.get()) : this;
  }

  JsonOut integer(String name, long value) {
    return io(() -> g.writeNumberField(name, value));
  }

  JsonOut flag(String name, boolean value) {
    return io(() -> g.writeBooleanField(name, value));
  }

  JsonOut money(String name, Money value) {
    return integer(name, value.fen());
  }

  JsonOut money(String name, Optional<Money> value) {
    return value.isPresent() ? money(name, value.get()) : this;
  }

  JsonOut date(String name, LocalDate value) {
    return text(name, value.toString());
  }

  JsonOut date(String name, Optional<LocalDate> value) {
    return value.isPresent() ? date(name, value.get()) : this;
  }

  JsonOut instant(String name, Instant value) {
    return text(name, value.toString());
  }

  JsonOut month(String name, YearMonth value) {
    return text(name, value.toString());
  }

  JsonOut enumValue(String name, Enum<?> value) {
    return text(name, value.name());
  }

  JsonOut enumValue(String name, Optional<? extends Enum<?>> value) {
    return value.isPresent() ? enumValue(name, value.get()) : this;
  }

  JsonOut area(String name, AreaCode value) {
    return text(name, value.code());
  }

  JsonOut residentId(String name, ResidentId value) {
    return text(name, value.unmasked());
  }

  JsonOut residentId(String name, Optional<ResidentId> value) {
    return value.isPresent() ? residentId(name, value.get()) : this;
  }

  JsonOut actor(String name, Actor value) {
    return object(name, value, (o, a) -> o.text("id", a.id()).enumValue("role", a.role())
        .area("jurisdiction", a.jurisdiction()));
  }

  JsonOut actor(String name, Optional<Actor> value) {
    return value.isPresent() ? actor(name, value.get()) : this;
  }

  /** A set of enum constants, sorted by name so the text does not depend on the set's order. */
  JsonOut enumSet(String name, Set<? extends Enum<?>> values) {
    return io(() -> {
      g.writeArrayFieldStart(name);
      if (values.size() == 1) {
        g.writeString(values.iterator().next().name());
      } else if (!values.isEmpty()) {
        String[] names = values.stream().map(Enum::name).toArray(String[]::new);
        java.util.Arrays.sort(names, Comparator.naturalOrder());
        for (String n : names) {
          g.writeString(n);
        }
      }
      g.writeEndArray();
    });
  }

  JsonOut texts(String name, List<String> values) {
    return io(() -> {
      g.writeArrayFieldStart(name);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    });
  }

  /** A map of strings, in the map's own iteration order (events keep their attributes' order). */
  JsonOut textMap(String name, Map<String, String> values) {
    return io(() -> {
      g.writeObjectFieldStart(name);
      for (Map.Entry<String, String> e : values.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    });
  }

  <T> JsonOut object(String name, T value, BiConsumer<JsonOut, T> write) {
    return io(() -> {
      g.writeObjectFieldStart(name);
      write.accept(this, value);
      g.writeEndObject();
    });
  }

  <T> JsonOut optionalObject(String name, Optional<T> value, BiConsumer<JsonOut, T> write) {
    return value.isPresent() ? object(name, value.get(), write) : this;
  }

  <T> JsonOut objects(String name, List<T> values, BiConsumer<JsonOut, T> write) {
    return io(() -> {
      g.writeArrayFieldStart(name);
      for (T v : values) {
        g.writeStartObject();
        write.accept(this, v);
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private JsonOut io(Write w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail / 写入内存不应失败", e);
    }
    return this;
  }

  @FunctionalInterface
  private interface Write {
    void run() throws IOException;
  }
}
