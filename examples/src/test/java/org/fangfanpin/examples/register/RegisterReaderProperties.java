package org.fangfanpin.examples.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fangfanpin.spi.model.ResidentId;

/**
 * The register's CSV reading, through {@link RegisterReader}: whatever the quoting, the line ends
 * (CRLF, LF, CR) and the empty lines, every row written comes back, in order, as written.
 */
class RegisterReaderProperties {

  private static final String HEAD = "61102219700512301" + ResidentId.checkCharacter("61102219700512301");
  /** Where the free-text column stands among the register's columns. */
  private static final int NOTE_AT = 3;

  /** One data row: the tail of its household id, a free-text note, and the empty lines before it. */
  record Row(String idTail, String note, int emptyLinesBefore) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    // Household ids may hold commas and quotes, but no line ends or surrounding blanks.
    Arbitrary<String> idTail = Arbitraries.strings().withChars("ab中,\"").ofMaxLength(6);
    Arbitrary<String> note = Arbitraries.strings().withChars("ab 中,\"\r\n").ofMaxLength(8);
    Arbitrary<Integer> emptyLines = Arbitraries.integers().between(0, 2);
    return Combinators.combine(idTail, note, emptyLines).as(Row::new).list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> lineEnd() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }

  private static List<String> header() {
    List<String> names = new ArrayList<>();
    for (RegisterColumn column : RegisterColumn.ALL) {
      names.add(column.header());
    }
    names.add(NOTE_AT, "note");
    return names;
  }

  private static List<String> cells(String id, String note) {
    List<String> cells = new ArrayList<>(List.of(id, "611022103205", "ORDINARY", "4", "2", "1", "0", "1", "40000",
        "41000.50", "800", "true", "true", "true", "true", "true", "false", "false", HEAD));
    cells.add(NOTE_AT, note);
    return cells;
  }

  private static String id(int index, Row row) {
    return "H" + index + row.idTail();
  }

  /** Writes a record as RFC 4180 does, quoting what must be quoted and, when told, everything. */
  private static void write(StringBuilder text, List<String> fields, boolean quoteAll) {
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      boolean quote = quoteAll || field.matches("(?s).*[,\"\r\n].*");
      text.append(i == 0 ? "" : ",").append(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
    }
  }

  private static String register(List<Row> rows, String lineEnd, boolean quoteAll, boolean finalLineEnd) {
    StringBuilder text = new StringBuilder();
    write(text, header(), quoteAll);
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      text.append(lineEnd.repeat(1 + row.emptyLinesBefore()));
      write(text, cells(id(i + 1, row), row.note()), quoteAll);
    }
    if (finalLineEnd) {
      text.append(lineEnd);
    }
    return text.toString();
  }

  private static List<RegisterRow> readAll(String text) throws IOException {
    Path file = Files.createTempFile("register", ".csv");
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      List<RegisterRow> read = new ArrayList<>();
      try (RegisterReader reader = RegisterReader.open(file)) {
        reader.forEachRemaining(read::add);
      }
      return read;
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 300)
  void readsBackEveryRowWrittenWhateverTheQuotingAndLineEnds(@ForAll("rows") List<Row> rows,
      @ForAll("lineEnd") String lineEnd, @ForAll boolean quoteAll, @ForAll boolean finalLineEnd)
      throws IOException {
    List<RegisterRow> read = readAll(register(rows, lineEnd, quoteAll, finalLineEnd));

    assertThat(read).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String expectedId = id(i + 1, rows.get(i));
      assertThat(read.get(i).row()).isEqualTo(i + 1);
      assertThat(read.get(i)).isInstanceOfSatisfying(RegisterRow.Accepted.class,
          accepted -> assertThat(accepted.household().id()).isEqualTo(expectedId));
    }
  }

  /** Any text after a valid header gives rows or a file that cannot be read, never another failure. */
  @Property(tries = 300)
  void anyTextAfterTheHeaderGivesRowsOrAnUnreadableFile(@ForAll("rawText") String body) throws IOException {
    String text = String.join(",", header()) + "\n" + body;
    try {
      List<RegisterRow> read = readAll(text);
      for (int i = 0; i < read.size(); i++) {
        assertThat(read.get(i).row()).isEqualTo(i + 1);
      }
    } catch (UnreadableRegisterException e) {
      assertThat(e.en()).containsPattern("is not well-formed CSV at line ([2-9]|[1-9][0-9]+): ");
      assertThat(e.zh()).containsPattern("第 ([2-9]|[1-9][0-9]+) 行不是正确的 CSV 格式：");
    }
  }

  @Provide
  Arbitrary<String> rawText() {
    return Arbitraries.strings().withChars("a,\"\r\n").ofMaxLength(24);
  }
}
