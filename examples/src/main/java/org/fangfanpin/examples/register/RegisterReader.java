package org.fangfanpin.examples.register;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Streams the rows of a household register CSV file (户登记表): UTF-8 with or without a byte
 * order mark, RFC 4180 quoting, CRLF, LF or CR line ends, a header row naming the columns in any
 * order (extra columns are ignored, empty lines skipped). FastCSV splits the records; a quoted field
 * that is never closed, or is followed by other text before the next comma, makes the file
 * unreadable.
 *
 * <p>Rows are read one at a time, so a register of any size runs in constant memory apart from
 * the set of household ids seen, which the duplicate check needs. A bad row comes back as a
 * {@link RegisterRow.Rejected} and reading goes on; a file that cannot be read as a whole throws
 * {@link UnreadableRegisterException}, from {@link #open} or from any later call.
 */
public final class RegisterReader implements Iterator<RegisterRow>, Closeable {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final String source;
  private final Fields fields;
  private final CsvReader<String[]> csv;
  private final CloseableIterator<String[]> records;
  /** The fields of the record read but not yet handed out, or {@code null}. */
  private String[] pending;
  private final int headerWidth;
  private final int[] indexOf;
  private final String[] cells = new String[RegisterColumn.ALL.length];
  private final RowValidator validator = new RowValidator();
  private int row;

  private RegisterReader(String source, Reader characters) {
    this.source = source;
    this.fields = new Fields();
    this.csv = CsvReader.builder()
        .fieldSeparator(',')
        .quoteCharacter('"')
        .skipEmptyLines(true)
        .allowUnclosedQuote(false)
        .allowExtraCharsAfterClosingQuote(false)
        // A row of the wrong width is a rejected row, not an unreadable file.
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .build(fields, characters);
    this.records = csv.iterator();
    List<String> header = readHeader();
    this.headerWidth = header.size();
    this.indexOf = columnIndexes(header);
  }

  /**
   * Opens a register file and reads its header.
   *
   * @param file the CSV file
   * @throws UnreadableRegisterException when the file cannot be opened, is empty or lacks a column
   */
  public static RegisterReader open(Path file) {
    String source = file.toString();
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw cannotOpen(source, e);
    }
    try {
      // Strict decoding: a register that is not UTF-8 would otherwise yield silently garbled names.
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      PushbackReader reader = new PushbackReader(new InputStreamReader(in, utf8));
      skipByteOrderMark(reader);
      return new RegisterReader(source, reader);
    } catch (IOException e) {
      closeQuietly(in);
      throw unreadable(source, 1, e);
    } catch (UnreadableRegisterException e) {
      closeQuietly(in);
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      try {
        pending = records.hasNext() ? records.next() : null;
      } catch (UncheckedIOException e) {
        throw unreadable(source, fields.line(), e.getCause());
      } catch (CsvParseException e) {
        throw malformed(source, fields.line(), e);
      }
    }
    return pending != null;
  }

  @Override
  public RegisterRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String[] record = pending;
    pending = null;
    row++;
    int width = record.length;
    if (width != headerWidth) {
      int idIndex = indexOf[RegisterColumn.HOUSEHOLD_ID.ordinal()];
      return validator.wrongFieldCount(row, width, headerWidth,
          idIndex < width ? Optional.of(record[idIndex]) : Optional.empty());
    }
    for (int c = 0; c < cells.length; c++) {
      cells[c] = record[indexOf[c]];
    }
    return validator.validate(row, cells);
  }

  /** Closes the file. */
  @Override
  public void close() throws IOException {
    csv.close();
  }

  private List<String> readHeader() {
    if (!hasNext()) {
      throw new UnreadableRegisterException("文件 " + source + " 为空，缺少表头行",
          source + " is empty: the header row is missing");
    }
    String[] record = pending;
    pending = null;
    List<String> names = new ArrayList<>();
    for (String name : record) {
      names.add(name.strip());
    }
    return names;
  }

  private int[] columnIndexes(List<String> header) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      Integer earlier = position.putIfAbsent(header.get(i), i);
      if (earlier != null && isColumn(header.get(i))) {
        throw new UnreadableRegisterException("文件 " + source + " 的表头中列 " + header.get(i) + " 出现了不止一次",
            "the header of " + source + " names column " + header.get(i) + " more than once");
      }
    }
    int[] indexes = new int[RegisterColumn.ALL.length];
    List<String> missingZh = new ArrayList<>();
    List<String> missingEn = new ArrayList<>();
    for (RegisterColumn column : RegisterColumn.ALL) {
      Integer at = position.get(column.header());
      if (at == null) {
        missingZh.add(column.header() + "（" + column.zh() + "）");
        missingEn.add(column.header());
      } else {
        indexes[column.ordinal()] = at;
      }
    }
    if (!missingEn.isEmpty()) {
      throw new UnreadableRegisterException(
          "文件 " + source + " 的表头缺少列：" + String.join("、", missingZh),
          "the header of " + source + " lacks the column(s): " + String.join(", ", missingEn));
    }
    return indexes;
  }

  private static boolean isColumn(String name) {
    for (RegisterColumn column : RegisterColumn.ALL) {
      if (column.header().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static void skipByteOrderMark(PushbackReader reader) throws IOException {
    int first = reader.read();
    if (first >= 0 && first != BYTE_ORDER_MARK) {
      reader.unread(first);
    }
  }

  private static UnreadableRegisterException cannotOpen(String source, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new UnreadableRegisterException("无法读取文件 " + source + "：文件不存在",
          "cannot read " + source + ": no such file", e);
    }
    if (e instanceof AccessDeniedException) {
      return new UnreadableRegisterException("无法读取文件 " + source + "：没有读取权限",
          "cannot read " + source + ": permission denied", e);
    }
    return new UnreadableRegisterException("无法读取文件 " + source + "：" + e.getMessage(),
        "cannot read " + source + ": " + e.getMessage(), e);
  }

  /**
   * Explains a failure met while reading from {@code line} on. Decoding runs ahead of parsing by a
   * buffer, so a bad byte is said to lie at or after the line reached.
   */
  private static UnreadableRegisterException unreadable(String source, long line, Throwable cause) {
    if (cause instanceof CharacterCodingException) {
      return new UnreadableRegisterException(
          "文件 " + source + " 第 " + line + " 行或其后含有不是 UTF-8 编码的字节，请另存为 UTF-8",
          source + " holds bytes that are not UTF-8 at or after line " + line + "; save it as UTF-8", cause);
    }
    return new UnreadableRegisterException("读取文件 " + source + " 时出错：" + cause,
        "error while reading " + source + ": " + cause, cause);
  }

  /**
   * Explains a record FastCSV refused, starting at {@code line}. FastCSV's message may quote a
   * character of a cell, so it is neither repeated nor kept as the cause; the reason is recognised
   * by the message's start (a wording changed by an upgrade falls back to the general reason, and
   * the tests of both specific reasons then fail).
   */
  private static UnreadableRegisterException malformed(String source, long line, CsvParseException e) {
    String message = String.valueOf(e.getMessage());
    String zh;
    String en;
    if (message.startsWith("Unclosed quoted field")) {
      zh = "引号括起的字段直到文件末尾都没有结束";
      en = "a quoted field is not closed before the end of the file";
    } else if (message.startsWith("Unexpected character after closing quote")) {
      zh = "引号括起的字段之后、下一个逗号之前还有其他字符";
      en = "a quoted field is followed by text before the next comma";
    } else {
      zh = "该记录无法按 RFC 4180 解析（例如字段过长）";
      en = "the record cannot be parsed as RFC 4180 (a field may be too long)";
    }
    return new UnreadableRegisterException(
        "文件 " + source + " 第 " + line + " 行不是正确的 CSV 格式：" + zh,
        source + " is not well-formed CSV at line " + line + ": " + en);
  }

  /**
   * Takes FastCSV's fields as strings and keeps the line where the record being read starts, which
   * the error messages name (FastCSV tells it only inside its exception's text).
   */
  private static final class Fields extends AbstractBaseCsvCallbackHandler<String[]> {

    private String[] fields = new String[32];

    @Override
    protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
      if (index == fields.length) {
        fields = Arrays.copyOf(fields, index * 2);
      }
      fields[index] = new String(buffer, offset, length);
    }

    /** The fields of a data record; {@code null} for an empty line, which the reader skips. */
    @Override
    protected String[] buildRecord() {
      return getRecordType() == RecordType.DATA ? Arrays.copyOf(fields, getFieldCount()) : null;
    }

    /** The line, from 1, where the last record begun starts; a quoted line end makes it span more. */
    long line() {
      return Math.max(1, getStartingLineNumber());
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // The file is being abandoned because of an earlier, reported failure.
    }
  }
}
