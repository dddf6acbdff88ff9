package org.fangfanpin.examples.simulation;

import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Worksheet;

/**
 * One sheet of a form (报表工作表) laid out the same way in every workbook: a title row, a line
 * saying what the sheet covers, a Chinese and an English header row frozen above the data, and
 * cells typed as text, counts, dates or yuan. Money arrives in fen and is written as an exact
 * decimal of yuan with two places.
 */
final class FormSheet {

  /** The row of the first data line: after the title, the subtitle and the two header rows. */
  static final int FIRST_DATA_ROW = 4;

  static final String COUNT_FORMAT = "#,##0";
  static final String YUAN_FORMAT = "#,##0.00";
  static final String DATE_FORMAT = "yyyy-mm-dd";

  /** A column: its Chinese and English headers and its width in characters. */
  record Column(String zh, String en, double width) {}

  private final Worksheet ws;
  private final int columns;

  /**
   * Writes the title, subtitle and header rows and freezes the panes below the headers and right
   * of the first {@code frozenColumns} columns.
   */
  FormSheet(Worksheet ws, String title, String subtitle, List<Column> columns, int frozenColumns) {
    this.ws = ws;
    this.columns = columns.size();
    ws.value(0, 0, title);
    ws.style(0, 0).bold().fontSize(14).set();
    ws.range(0, 0, 0, this.columns - 1).merge();
    ws.value(1, 0, subtitle);
    ws.range(1, 0, 1, this.columns - 1).merge();
    for (int c = 0; c < this.columns; c++) {
      Column col = columns.get(c);
      ws.width(c, col.width());
      ws.value(2, c, col.zh());
      ws.style(2, c).bold().fillColor("DDEBF7").wrapText(true).horizontalAlignment("center").set();
      ws.value(3, c, col.en());
      ws.style(3, c).italic().fillColor("F2F2F2").wrapText(true).horizontalAlignment("center").set();
    }
    ws.freezePane(frozenColumns, FIRST_DATA_ROW);
  }

  void text(int row, int col, String value) {
    ws.value(row, col, value);
  }

  void count(int row, int col, long value) {
    ws.value(row, col, value);
    ws.style(row, col).format(COUNT_FORMAT).set();
  }

  void yuan(int row, int col, long fen) {
    ws.value(row, col, Yuan.toYuan(fen));
    ws.style(row, col).format(YUAN_FORMAT).set();
  }

  void date(int row, int col, LocalDate value) {
    ws.value(row, col, value);
    ws.style(row, col).format(DATE_FORMAT).set();
  }

  /** Text across the sheet's width, e.g. a note that the month had nothing to report. */
  void note(int row, String value) {
    ws.value(row, 0, value);
    ws.range(row, 0, row, columns - 1).merge();
  }

  /** Makes the row bold, for totals. */
  void bold(int row) {
    for (int c = 0; c < columns; c++) {
      ws.style(row, c).bold().set();
    }
  }
}
