package org.fangfanpin.examples.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The register's CSV reader against a model of the records and against Apache Commons CSV. */
class CsvRecordReaderProperties {

  private static List<List<String>> read(String text, int bufferChars) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text), bufferChars)) {
      while (reader.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < reader.size(); i++) {
          fields.add(reader.get(i));
        }
        records.add(fields);
      }
    }
    return records;
  }

  private static List<List<String>> readWithCommonsCsv(String text) throws IOException {
    List<List<String>> records = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord record : parser) {
        records.add(record.toList());
      }
    }
    return records;
  }

  @Provide
  Arbitrary<List<List<String>>> records() {
    Arbitrary<String> field = Arbitraries.strings().withChars("ab 中,\"\r\n").ofMaxLength(8);
    return field.list().ofMinSize(1).ofMaxSize(6).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> lineEnd() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }

  /** Writes the records as RFC 4180 does, quoting what must be quoted and, when told, everything. */
  private static String write(List<List<String>> records, String lineEnd, boolean quoteAll) {
    StringBuilder text = new StringBuilder();
    for (List<String> record : records) {
      for (int i = 0; i < record.size(); i++) {
        String field = record.get(i);
        boolean quote = quoteAll || field.matches("(?s).*[,\"\r\n].*") || (record.size() == 1 && field.isEmpty());
        text.append(i == 0 ? "" : ",").append(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
      }
      text.append(lineEnd);
    }
    return text.toString();
  }

  @Property
  void readsBackEveryRecordWrittenWhateverTheBufferSize(@ForAll("records") List<List<String>> records,
      @ForAll("lineEnd") String lineEnd, @ForAll boolean quoteAll, @ForAll @IntRange(min = 1, max = 9) int buffer)
      throws IOException {
    String text = write(records, lineEnd, quoteAll);

    assertThat(read(text, buffer)).isEqualTo(records);
    if (!records.isEmpty()) {
      assertThat(read(text.substring(0, text.length() - lineEnd.length()), buffer)).isEqualTo(records);
    }
  }

  @Property
  void agreesWithCommonsCsvOnAnyText(@ForAll("rawText") String text, @ForAll @IntRange(min = 1, max = 9) int buffer)
      throws IOException {
    List<List<String>> expected;
    try {
      expected = readWithCommonsCsv(text);
    } catch (IOException | RuntimeException e) {
      assertThatThrownBy(() -> read(text, buffer)).isInstanceOf(MalformedCsvException.class);
      return;
    }
    assertThat(read(text, buffer)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> rawText() {
    return Arbitraries.strings().withChars("a,\"\r\n").ofMaxLength(24);
  }

  @Example
  void skipsEmptyLinesButKeepsAQuotedEmptyField() throws IOException {
    assertThat(read("a,b\n\n\r\n\"\"\r\nc\n\n", 4)).containsExactly(List.of("a", "b"), List.of(""), List.of("c"));
  }

  @Example
  void keepsAQuoteInsideAnUnquotedField() throws IOException {
    assertThat(read("5\"3,b\n", 64)).containsExactly(List.of("5\"3", "b"));
  }

  @Example
  void namesTheLineOfAQuotedFieldThatIsNeverClosed() {
    assertThatThrownBy(() -> read("a\nb\n\"c,d\ne\n", 64))
        .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Example
  void refusesTextAfterAClosingQuote() {
    assertThatThrownBy(() -> read("a\n\"b\"c,d\n", 64))
        .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Example
  void countsLinesInsideQuotedFields() throws IOException {
    try (CsvRecordReader reader = new CsvRecordReader(new StringReader("\"a\nb\",c\nd\n"), 3)) {
      reader.next();
      assertThat(reader.line()).isEqualTo(3);
      reader.next();
      assertThat(reader.line()).isEqualTo(4);
      assertThat(reader.next()).isFalse();
    }
  }
}
