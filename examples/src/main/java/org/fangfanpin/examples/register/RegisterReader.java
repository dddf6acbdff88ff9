package org.fangfanpin.examples.register;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Streams the rows of a household register CSV file (户登记表): UTF-8 with or without a byte
 * order mark, RFC 4180 quoting, CRLF or LF line ends, a header row naming the columns in any order
 * (extra columns are ignored, empty lines skipped).
 *
 * <p>Rows are read one at a time, so a register of any size runs in constant memory apart from
 * the set of household ids seen, which the duplicate check needs. A bad row comes back as a
 * {@link RegisterRow.Rejected} and reading goes on; a file that cannot be read as a whole throws
 * {@link UnreadableRegisterException}, from {@link #open} or from any later call.
 */
public final class RegisterReader implements Iterator<RegisterRow>, Closeable {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final String source;
  private final CsvRecordReader records;
  /** Whether {@link #records} holds a record not yet handed out; false once the input ends. */
  private boolean pending;
  private final int headerWidth;
  private final int[] indexOf;
  private final String[] cells = new String[RegisterColumn.ALL.length];
  private final RowValidator validator = new RowValidator();
  private int row;

  private RegisterReader(String source, CsvRecordReader records) {
    this.source = source;
    this.records = records;
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
      return new RegisterReader(source, new CsvRecordReader(reader));
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
    if (!pending) {
      try {
        pending = records.next();
      } catch (IOException e) {
        throw unreadable(source, records.line(), e);
      }
    }
    return pending;
  }

  @Override
  public RegisterRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    pending = false;
    row++;
    int width = records.size();
    if (width != headerWidth) {
      int idIndex = indexOf[RegisterColumn.HOUSEHOLD_ID.ordinal()];
      return validator.wrongFieldCount(row, width, headerWidth,
          idIndex < width ? Optional.of(records.get(idIndex)) : Optional.empty());
    }
    for (int c = 0; c < cells.length; c++) {
      cells[c] = records.get(indexOf[c]);
    }
    return validator.validate(row, cells);
  }

  /** Closes the file. */
  @Override
  public void close() throws IOException {
    records.close();
  }

  private List<String> readHeader() {
    if (!hasNext()) {
      throw new UnreadableRegisterException("文件 " + source + " 为空，缺少表头行",
          source + " is empty: the header row is missing");
    }
    pending = false;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      names.add(records.get(i).strip());
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
    if (cause instanceof MalformedCsvException malformed) {
      return new UnreadableRegisterException(
          "文件 " + source + " 第 " + malformed.line() + " 行不是正确的 CSV 格式：" + malformed.zh(),
          source + " is not well-formed CSV at line " + malformed.line() + ": " + malformed.getMessage(), cause);
    }
    return new UnreadableRegisterException("读取文件 " + source + " 时出错：" + cause,
        "error while reading " + source + ": " + cause, cause);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // The file is being abandoned because of an earlier, reported failure.
    }
  }
}
