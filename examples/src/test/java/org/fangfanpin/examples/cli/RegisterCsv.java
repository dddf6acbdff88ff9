package org.fangfanpin.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fangfanpin.spi.model.ResidentId;

/** Builds small register files for tests: rows start valid and tests change the cells they mean. */
final class RegisterCsv {

  static final List<String> COLUMNS = List.of("household_id", "area_code", "status", "members", "workers",
      "students_senior", "disabled", "seriously_ill", "annual_net_income_yuan", "previous_year_income_yuan",
      "rigid_expenditure_yuan", "food_clothing_secure", "education_secure", "medical_secure", "housing_secure",
      "water_secure", "dibao", "tekun", "head_id_number");

  /** A valid head ID number of Danfeng county, born 1970-05-12. */
  static final String HEAD_ID = withCheckCharacter("61102219700512301");

  private final List<String> columns;
  private final List<Map<String, String>> rows = new ArrayList<>();
  private String lineEnd = "\n";
  private boolean byteOrderMark;

  private RegisterCsv(List<String> columns) {
    this.columns = columns;
  }

  static RegisterCsv withColumns(List<String> columns) {
    return new RegisterCsv(columns);
  }

  static RegisterCsv standard() {
    return new RegisterCsv(COLUMNS);
  }

  /** A comfortable ordinary household of 3: no rule fires. */
  static Map<String, String> comfortable(String id) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("household_id", id);
    row.put("area_code", "611022100201");
    row.put("status", "ORDINARY");
    row.put("members", "3");
    row.put("workers", "2");
    row.put("students_senior", "0");
    row.put("disabled", "0");
    row.put("seriously_ill", "0");
    row.put("annual_net_income_yuan", "60000");
    row.put("previous_year_income_yuan", "58000");
    row.put("rigid_expenditure_yuan", "0");
    row.put("food_clothing_secure", "true");
    row.put("education_secure", "true");
    row.put("medical_secure", "true");
    row.put("housing_secure", "true");
    row.put("water_secure", "true");
    row.put("dibao", "false");
    row.put("tekun", "false");
    row.put("head_id_number", HEAD_ID);
    return row;
  }

  static String withCheckCharacter(String digits17) {
    return digits17 + ResidentId.checkCharacter(digits17);
  }

  RegisterCsv row(Map<String, String> row) {
    rows.add(row);
    return this;
  }

  RegisterCsv crlf() {
    lineEnd = "\r\n";
    return this;
  }

  RegisterCsv byteOrderMark() {
    byteOrderMark = true;
    return this;
  }

  String text() {
    StringBuilder text = new StringBuilder(byteOrderMark ? "\uFEFF" : "");
    text.append(String.join(",", columns)).append(lineEnd);
    for (Map<String, String> row : rows) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(row.getOrDefault(column, ""));
      }
      text.append(String.join(",", cells)).append(lineEnd);
    }
    return text.toString();
  }

  Path writeTo(Path dir) {
    try {
      return Files.writeString(Files.createTempFile(dir, "register", ".csv"), text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
