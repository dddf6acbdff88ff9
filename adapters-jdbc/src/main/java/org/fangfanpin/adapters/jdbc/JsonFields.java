package org.fangfanpin.adapters.jdbc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.InvalidValueException;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.Role;

/**
 * One JSON object of a stored document (存储文档), read field by field with its path, so that every
 * failure names the document kind and the field ({@code $.members[1].relation}) and never the
 * document's text or a value in it: documents hold resident ID numbers.
 *
 * <p>Unknown fields are ignored, so a newer writer's documents still read. A JSON {@code null}
 * counts as absent.
 */
final class JsonFields {

  /** The only format version this reader knows; every document carries it as {@code "v"}. */
  static final int FORMAT_VERSION = 1;

  // One reader for every thread: Jackson's readers are immutable and thread-safe once built.
  // Trailing content after the document is refused: a column holds exactly one document.
  private static final ObjectReader READER =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String kind;
  private final String path;
  private final JsonNode node;

  private JsonFields(String kind, String path, JsonNode node) {
    this.kind = kind;
    this.path = path;
    this.node = node;
  }

  /**
   * Parses a document of the kind and checks its format version.
   *
   * @param kind the document kind, named in failures (e.g. {@code household})
   * @param json the document text
   */
  static JsonFields document(String kind, String json) {
    JsonNode root;
    try {
      root = READER.readTree(json);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the offending token, which may be part of an ID number.
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      String whereZh = at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
      throw new DocumentException(kind + " 文档不是有效的 JSON" + whereZh + " / the " + kind
          + " document is not valid JSON" + where);
    }
    if (root == null || root.isMissingNode()) {
      throw new DocumentException(kind + " 文档为空 / the " + kind + " document is empty");
    }
    JsonFields doc = new JsonFields(kind, "$", root);
    if (!root.isObject()) {
      throw doc.failure("$", "类型不对（应为对象）", "has the wrong type (expected an object)");
    }
    if (doc.integer("v") != FORMAT_VERSION) {
      throw doc.failure(doc.pathOf("v"), "格式版本不受支持（本程序只读版本 " + FORMAT_VERSION + "）",
          "names a format version this reader does not know (it reads version " + FORMAT_VERSION + ")");
    }
    return doc;
  }

  // ---------------------------------------------------------------- scalars

  /** A required string. */
  String text(String name) {
    return textOf(name, required(name));
  }

  /** An optional string. */
  Optional<String> optionalText(String name) {
    JsonNode n = optional(name);
    return n == null ? Optional.empty() : Optional.of(textOf(name, n));
  }

  /** A required whole number within {@code int}. */
  int integer(String name) {
    JsonNode n = required(name);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw wrongType(name, "32 位整数", "a 32-bit whole number");
    }
    return n.intValue();
  }

  /** A required whole number within {@code long}. */
  long longInteger(String name) {
    JsonNode n = required(name);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw wrongType(name, "64 位整数", "a 64-bit whole number");
    }
    return n.longValue();
  }

  /** A required boolean. */
  boolean flag(String name) {
    JsonNode n = required(name);
    if (!n.isBoolean()) {
      throw wrongType(name, "true 或 false", "true or false");
    }
    return n.booleanValue();
  }

  /** A required amount, stored as whole fen. */
  Money money(String name) {
    return Money.ofFen(longInteger(name));
  }

  /** An optional amount, stored as whole fen. */
  Optional<Money> optionalMoney(String name) {
    return optional(name) == null ? Optional.empty() : Optional.of(money(name));
  }

  /** A required ISO-8601 day. */
  LocalDate date(String name) {
    return parsed(name, JsonFields::isoDay);
  }

  /** An optional ISO-8601 day. */
  Optional<LocalDate> optionalDate(String name) {
    return optional(name) == null ? Optional.empty() : Optional.of(date(name));
  }

  /** A required ISO-8601 instant. */
  Instant instant(String name) {
    return parsed(name, JsonFields::isoInstant);
  }

  // ---------------------------------------------------------------- days and instants

  /**
   * {@link LocalDate#parse} for the form the writer stores ({@code 2025-03-14}) without the
   * formatter, which costs more than the rest of a day's reading; any other text, or a day that
   * does not exist, goes to {@link LocalDate#parse}, which accepts or refuses it.
   */
  static LocalDate isoDay(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        try {
          return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
          // A day the month does not have: the formatter below refuses it with its own failure.
        }
      }
    }
    return LocalDate.parse(text);
  }

  /**
   * {@link Instant#parse} for the forms {@link Instant#toString} writes for years 0000–9999
   * ({@code 2025-03-14T02:30:00Z}, with 3, 6 or 9 digits of fraction), without the formatter;
   * any other text goes to {@link Instant#parse}.
   */
  static Instant isoInstant(String text) {
    int length = text.length();
    if ((length == 20 || length == 24 || length == 27 || length == 30) && text.charAt(10) == 'T'
        && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(length - 1) == 'Z'
        && (length == 20 || text.charAt(19) == '.')) {
      int hour = digits(text, 11, 13);
      int minute = digits(text, 14, 16);
      int second = digits(text, 17, 19);
      int fraction = length == 20 ? 0 : digits(text, 20, length - 1);
      if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && fraction >= 0) {
        LocalDate day = isoDay(text.substring(0, 10));
        long nanos = fraction;
        for (int i = length - 1 - 20; i < 9 && length > 20; i++) {
          nanos *= 10;
        }
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
      }
    }
    return Instant.parse(text);
  }

  /** The decimal number of the digits from {@code from} to {@code to}, or -1 if one is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** A required ISO-8601 month ({@code 2025-03}). */
  YearMonth month(String name) {
    return parsed(name, YearMonth::parse);
  }

  /** A required enum constant, by name. */
  <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    return parsed(name, s -> Enum.valueOf(type, s));
  }

  /** An optional enum constant, by name. */
  <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
    return optional(name) == null ? Optional.empty() : Optional.of(enumValue(name, type));
  }

  /** A required area code. */
  AreaCode area(String name) {
    return parsed(name, AreaCode::of);
  }

  /** A required resident ID number. */
  ResidentId residentId(String name) {
    return parsed(name, ResidentId::of);
  }

  /** An optional resident ID number. */
  Optional<ResidentId> optionalResidentId(String name) {
    return optional(name) == null ? Optional.empty() : Optional.of(residentId(name));
  }

  /** A required actor: {@code {"id", "role", "jurisdiction"}}. */
  Actor actor(String name) {
    return object(name, JsonFields::readActor);
  }

  /** An optional actor. */
  Optional<Actor> optionalActor(String name) {
    return optionalObject(name, JsonFields::readActor);
  }

  private static Actor readActor(JsonFields f) {
    return f.build(() -> Actor.of(f.text("id"), f.enumValue("role", Role.class), f.area("jurisdiction")));
  }

  // ---------------------------------------------------------------- collections

  /** A required array of enum names, as a set. */
  <E extends Enum<E>> Set<E> enumSet(String name, Class<E> type) {
    JsonNode array = array(name);
    EnumSet<E> set = EnumSet.noneOf(type);
    for (int i = 0; i < array.size(); i++) {
      String item = name + "[" + i + "]";
      JsonNode n = array.get(i);
      if (!n.isTextual()) {
        throw wrongType(item, "字符串", "a string");
      }
      set.add(parsedText(item, n.textValue(), s -> Enum.valueOf(type, s)));
    }
    return set;
  }

  /** A required array of strings, in order. */
  List<String> texts(String name) {
    JsonNode array = array(name);
    List<String> list = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      list.add(textOf(name + "[" + i + "]", array.get(i)));
    }
    return list;
  }

  /** A required object of string values, in the document's key order. */
  Map<String, String> textMap(String name) {
    JsonNode obj = required(name);
    if (!obj.isObject()) {
      throw wrongType(name, "对象", "an object");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      // A key may be anything a producer chose; the path names only the map.
      JsonNode v = e.getValue();
      if (!v.isTextual()) {
        throw wrongType(name + ".*", "字符串", "a string");
      }
      map.put(e.getKey(), v.textValue());
    }
    return Collections.unmodifiableMap(map);
  }

  /** A required nested object, read by {@code read}. */
  <T> T object(String name, Function<JsonFields, T> read) {
    return read.apply(child(name, pathOf(name), required(name)));
  }

  /** An optional nested object, read by {@code read}. */
  <T> Optional<T> optionalObject(String name, Function<JsonFields, T> read) {
    JsonNode n = optional(name);
    return n == null ? Optional.empty() : Optional.of(read.apply(child(name, pathOf(name), n)));
  }

  /** A required array of objects, each read by {@code read}, in order. */
  <T> List<T> objects(String name, Function<JsonFields, T> read) {
    JsonNode array = array(name);
    List<T> list = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String item = name + "[" + i + "]";
      list.add(read.apply(child(item, pathOf(item), array.get(i))));
    }
    return list;
  }

  /**
   * Builds the value this object describes, turning a broken structural rule into a failure that
   * names this object and the stable problem codes, never the values.
   */
  <T> T build(java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (DocumentException e) {
      throw e;
    } catch (InvalidValueException e) {
      throw invalid(path, codes(e));
    } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
      throw invalid(path, "");
    }
  }

  // ---------------------------------------------------------------- internals

  private JsonFields child(String name, String childPath, JsonNode n) {
    if (!n.isObject()) {
      throw wrongType(name, "对象", "an object");
    }
    return new JsonFields(kind, childPath, n);
  }

  private JsonNode required(String name) {
    JsonNode n = node.get(name);
    if (n == null || n.isNull()) {
      throw failure(pathOf(name), "缺失", "is missing");
    }
    return n;
  }

  private JsonNode optional(String name) {
    JsonNode n = node.get(name);
    return n == null || n.isNull() ? null : n;
  }

  private JsonNode array(String name) {
    JsonNode n = required(name);
    if (!n.isArray()) {
      throw wrongType(name, "数组", "an array");
    }
    return n;
  }

  private String textOf(String name, JsonNode n) {
    if (!n.isTextual()) {
      throw wrongType(name, "字符串", "a string");
    }
    return n.textValue();
  }

  private <T> T parsed(String name, Function<String, T> parse) {
    return parsedText(name, text(name), parse);
  }

  private <T> T parsedText(String name, String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (InvalidValueException e) {
      throw invalid(pathOf(name), codes(e));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalid(pathOf(name), "");
    }
  }

  private String pathOf(String name) {
    return path + (name.startsWith("[") ? "" : ".") + name;
  }

  private DocumentException wrongType(String name, String expectedZh, String expectedEn) {
    return failure(pathOf(name), "类型不对（应为" + expectedZh + "）", "has the wrong type (expected " + expectedEn + ")");
  }

  private DocumentException invalid(String at, String codes) {
    String suffix = codes.isEmpty() ? "" : " [" + codes + "]";
    return failure(at, "取值无效" + suffix, "holds an invalid value" + suffix);
  }

  private DocumentException failure(String at, String zh, String en) {
    return new DocumentException(kind + " 文档的字段 " + at + " " + zh + " / the " + kind + " document's field "
        + at + " " + en);
  }

  // Problem codes are stable identifiers that never carry a value, unlike the problems' messages.
  private static String codes(InvalidValueException e) {
    return e.problems().map(Problem::code).mkString(", ");
  }

  /**
   * A stored document that cannot be read (文档无法读取): its message names the kind and the field,
   * never a value, and it carries no cause whose message might.
   */
  static final class DocumentException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DocumentException(String message) {
      super(message);
    }
  }
}
