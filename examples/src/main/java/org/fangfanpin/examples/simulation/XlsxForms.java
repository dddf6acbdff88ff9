package org.fangfanpin.examples.simulation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.exit.EliminationRegisterRow;
import org.fangfanpin.core.fund.FundStatement;
import org.fangfanpin.core.reporting.MonthlyReport;
import org.fangfanpin.core.reporting.WarningForm;
import org.fangfanpin.core.reporting.WarningFormRow;
import org.fangfanpin.examples.simulation.FormSheet.Column;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.RiskType;

/**
 * The forms of seed 001 as XLSX workbooks (报表导出): the 返贫预警情况统计表 (附件1), the
 * 致贫预警情况统计表 (附件2), the 返贫致贫预警解除登记表 (附件3), and the special fund's statement
 * (防返贫专项资金使用情况表). Every figure comes from the library's own reports through the facade:
 * {@code reporting().monthly}, {@code exit().eliminationRegister} and {@code fund().statement}.
 *
 * <p>The three forms get one sheet per month, named {@code yyyy-MM}: seed 001 has the township
 * file each of them once a month (by the 5th, under its seal), so one sheet is one filing and
 * prints on its own. The fund statement is kept by fund year, as core computes it, so it gets one
 * sheet per fund year the months touch, showing the year as recorded when the workbook is
 * written. Files are named in ASCII so they survive any archive tool; titles inside are bilingual.
 * The forms show register ids only, never a resident ID number.
 */
public final class XlsxForms {

  /** The file of the 返贫预警情况统计表. */
  public static final String RETURN_TO_POVERTY_FILE = "form1-return-to-poverty-warnings.xlsx";
  /** The file of the 致贫预警情况统计表. */
  public static final String FALL_INTO_POVERTY_FILE = "form2-fall-into-poverty-warnings.xlsx";
  /** The file of the 返贫致贫预警解除登记表. */
  public static final String ELIMINATION_REGISTER_FILE = "form3-elimination-register.xlsx";
  /** The file of the fund statement. */
  public static final String FUND_STATEMENT_FILE = "fund-statement.xlsx";

  private static final String APPLICATION = "fangfanpin";
  private static final String APPLICATION_VERSION = "0.1";

  private XlsxForms() {}

  /**
   * Writes the four workbooks into {@code dir}, creating it if needed and replacing files of the
   * same names.
   *
   * @param county the county reported on
   * @param first the first month, included
   * @param last the last month, included
   * @return the files written: form 1, form 2, form 3, the fund statement
   * @throws IllegalArgumentException when the area is not a county or {@code first} lies after {@code last}
   */
  public static List<Path> write(Path dir, FangFanPin app, AreaCode county, YearMonth first, YearMonth last)
      throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(county, "county");
    if (county.level() != AreaLevel.COUNTY) {
      throw new IllegalArgumentException(county + " is a " + county.level() + ", not a county / 不是县级区划");
    }
    if (first.isAfter(last)) {
      throw new IllegalArgumentException("the months run from " + first + " to " + last + ", backwards");
    }
    Files.createDirectories(dir);
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    List<MonthlyReport> reports = months.stream().map(m -> app.reporting().monthly(county, m)).toList();
    Path form1 = dir.resolve(RETURN_TO_POVERTY_FILE);
    Path form2 = dir.resolve(FALL_INTO_POVERTY_FILE);
    Path form3 = dir.resolve(ELIMINATION_REGISTER_FILE);
    Path fund = dir.resolve(FUND_STATEMENT_FILE);
    warningForm(form1, WarningForm.RETURN_TO_POVERTY, county, reports);
    warningForm(form2, WarningForm.FALL_INTO_POVERTY, county, reports);
    eliminationRegister(form3, app, county, months);
    fundStatement(fund, app, county, first.getYear(), last.getYear());
    return List.of(form1, form2, form3, fund);
  }

  // ---- 附件1 and 附件2

  /** The warning form's columns: where, the new warnings and their causes, then each tier's results. */
  static List<Column> warningColumns() {
    List<Column> c = new ArrayList<>();
    c.add(new Column("乡镇", "township", 15));
    c.add(new Column("村", "village", 15));
    c.add(new Column("新增预警户数", "new warning households", 12));
    c.add(new Column("新增预警人数", "new warning persons", 12));
    for (RiskType t : RiskType.values()) {
      c.add(new Column("预警原因：" + t.zh(), "cause: " + t.en(), 11));
    }
    c.add(new Column("民主评议通过户数", "appraisal agreed", 12));
    c.add(new Column("乡镇核查属实户数", "township upheld", 12));
    c.add(new Column("县级认定户数", "county confirmed", 12));
    c.add(new Column("解除预警户数", "alerts lifted", 12));
    c.add(new Column("月末在审户数", "under review at month end", 12));
    return c;
  }

  private static void warningForm(Path file, WarningForm form, AreaCode county, List<MonthlyReport> reports)
      throws IOException {
    List<Column> columns = warningColumns();
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, APPLICATION, APPLICATION_VERSION);
      wb.properties().setTitle(form.zh() + " / " + form.en());
      for (MonthlyReport r : reports) {
        List<WarningFormRow> rows = form == WarningForm.RETURN_TO_POVERTY
            ? r.returnToPovertyRows() : r.fallIntoPovertyRows();
        FormSheet sheet = new FormSheet(wb.newWorksheet(r.month().toString()), form.zh() + " / " + form.en(),
            "县 county " + county.code() + " · 月份 month " + r.month() + " · 报送期限 due " + r.dueOn()
                + (r.zeroReport() ? " · 零报告 zero report" : ""),
            columns, 2);
        long[] totals = new long[columns.size()];
        int row = FormSheet.FIRST_DATA_ROW;
        for (WarningFormRow w : rows) {
          sheet.text(row, 0, w.township().code());
          sheet.text(row, 1, w.village().code());
          long[] figures = warningFigures(w);
          for (int i = 0; i < figures.length; i++) {
            sheet.count(row, 2 + i, figures[i]);
            totals[2 + i] += figures[i];
          }
          row++;
        }
        sheet.text(row, 0, "合计 total");
        for (int c = 2; c < columns.size(); c++) {
          sheet.count(row, c, totals[c]);
        }
        sheet.bold(row);
      }
      wb.finish();
    }
  }

  /** The row's figures in the order of the columns after the township and village. */
  private static long[] warningFigures(WarningFormRow w) {
    RiskType[] types = RiskType.values();
    long[] f = new long[2 + types.length + 5];
    f[0] = w.newWarningHouseholds();
    f[1] = w.newWarningPersons();
    for (int i = 0; i < types.length; i++) {
      f[2 + i] = w.newWarningsByRiskType().getOrDefault(types[i], 0);
    }
    int i = 2 + types.length;
    f[i++] = w.appraisalAgreed();
    f[i++] = w.townshipUpheld();
    f[i++] = w.countyConfirmed();
    f[i++] = w.alertsLifted();
    f[i] = w.underReviewAtMonthEnd();
    return f;
  }

  // ---- 附件3

  /** The register's columns, in the order of the elimination's steps. */
  static List<Column> registerColumns() {
    return List.of(
        new Column("序号", "no.", 6),
        new Column("乡镇", "township", 15),
        new Column("村", "village", 15),
        new Column("户编号", "household id", 20),
        new Column("案件编号", "case id", 14),
        new Column("预警类型", "warning", 10),
        new Column("监测对象类别", "category", 16),
        new Column("家庭人口", "members", 8),
        new Column("风险类型", "risk causes", 18),
        new Column("纳入监测日期", "confirmed on", 12),
        new Column("落实的帮扶措施", "measures implemented", 24),
        new Column("人均纯收入（元）", "per-capita income (yuan)", 14),
        new Column("入户核实", "home visit", 12),
        new Column("民主评议", "appraisal", 12),
        new Column("公示开始", "notice from", 12),
        new Column("公示结束", "notice to", 12),
        new Column("异议件数", "objections", 8),
        new Column("乡镇审核", "township verified", 12),
        new Column("警情解除日期", "alert lifted on", 12),
        new Column("渐退期至", "gradual exit until", 12),
        new Column("报送期限", "report due", 12),
        new Column("当前状态", "state now", 14));
  }

  private static void eliminationRegister(Path file, FangFanPin app, AreaCode county, List<YearMonth> months)
      throws IOException {
    List<Column> columns = registerColumns();
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, APPLICATION, APPLICATION_VERSION);
      wb.properties().setTitle("返贫致贫预警解除登记表 / elimination register");
      for (YearMonth m : months) {
        List<EliminationRegisterRow> rows = app.exit().eliminationRegister(county, m.atDay(1), m.atEndOfMonth());
        FormSheet sheet = new FormSheet(wb.newWorksheet(m.toString()), "返贫致贫预警解除登记表 / elimination register",
            "县 county " + county.code() + " · 月份 month " + m + " · 县级审定风险消除的户 / households whose risk the "
                + "county marked eliminated in the month",
            columns, 4);
        int row = FormSheet.FIRST_DATA_ROW;
        long returns = 0;
        for (EliminationRegisterRow r : rows) {
          registerRow(sheet, row, row - FormSheet.FIRST_DATA_ROW + 1, r);
          returns += r.returnToPoverty() ? 1 : 0;
          row++;
        }
        if (rows.isEmpty()) {
          sheet.note(row++, "本月无风险消除 / no risk eliminated this month");
        }
        row = summary(sheet, row, "返贫预警解除户数 / return-to-poverty alerts lifted", returns);
        row = summary(sheet, row, "致贫预警解除户数 / fall-into-poverty alerts lifted", rows.size() - returns);
        sheet.bold(summary(sheet, row, "合计 / total", rows.size()) - 1);
      }
      wb.finish();
    }
  }

  private static void registerRow(FormSheet sheet, int row, int number, EliminationRegisterRow r) {
    int c = 0;
    sheet.count(row, c++, number);
    sheet.text(row, c++, r.township().code());
    sheet.text(row, c++, r.village().code());
    sheet.text(row, c++, r.householdId());
    sheet.text(row, c++, r.caseId());
    sheet.text(row, c++, r.returnToPoverty() ? "返贫 return" : "致贫 fall");
    sheet.text(row, c++, r.category().map(k -> k.zh() + " " + k.en()).orElse(""));
    if (r.members().isPresent()) {
      sheet.count(row, c, r.members().getAsInt());
    }
    c++;
    sheet.text(row, c++, r.riskTypes().stream().sorted().map(RiskType::zh).collect(Collectors.joining("、")));
    sheet.date(row, c++, r.confirmedOn());
    sheet.text(row, c++, r.measuresImplemented().stream().map(MeasureType::zh).collect(Collectors.joining("、")));
    if (r.perCapitaIncome().isPresent()) {
      sheet.yuan(row, c, r.perCapitaIncome().get().fen());
    }
    c++;
    for (LocalDate d : List.of(r.proposedOn(), r.appraisedOn(), r.noticeStartsOn(), r.noticeLastDay())) {
      sheet.date(row, c++, d);
    }
    sheet.count(row, c++, r.objections());
    sheet.date(row, c++, r.verifiedOn());
    sheet.date(row, c++, r.eliminatedOn());
    if (r.gradualExit().isPresent()) {
      sheet.date(row, c, r.gradualExit().get().endsOn());
    }
    c++;
    sheet.date(row, c++, r.reportDueOn());
    sheet.text(row, c, r.state().zh() + " " + r.state().en());
  }

  /** A label in the first column and a count in the fourth (under 户编号); returns the next row. */
  private static int summary(FormSheet sheet, int row, String label, long value) {
    sheet.text(row, 0, label);
    sheet.count(row, 3, value);
    return row + 1;
  }

  // ---- the fund statement

  static List<Column> fundColumns() {
    return List.of(
        new Column("项目", "item", 22),
        new Column("项目（英文）", "item (English)", 30),
        new Column("金额（元）", "amount (yuan)", 18),
        new Column("户数", "households", 10));
  }

  private static void fundStatement(Path file, FangFanPin app, AreaCode county, int firstYear, int lastYear)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, APPLICATION, APPLICATION_VERSION);
      wb.properties().setTitle("防返贫专项资金使用情况表 / special fund statement");
      for (int year = firstYear; year <= lastYear; year++) {
        FundStatement s = app.fund().statement(county, year);
        FormSheet sheet = new FormSheet(wb.newWorksheet(Integer.toString(year)),
            "防返贫专项资金使用情况表 / special fund statement",
            "县 county " + county.code() + " · 资金年度 fund year " + year + " · 全年账目，截至导出时 / the whole year as "
                + "recorded when written",
            fundColumns(), 0);
        int row = FormSheet.FIRST_DATA_ROW;
        row = money(sheet, row, "财政拨入（净额）", "appropriated, net of reversals", s.appropriated());
        row = money(sheet, row, "社会捐助（净额）", "donated, net of reversals", s.donated());
        row = money(sheet, row, "救助支付", "aid disbursed", s.disbursed());
        row = money(sheet, row, "支付冲正退回", "payments reversed into the pool", s.reversedPayments());
        row = money(sheet, row, "资金池余额", "pool balance", s.balance());
        row = money(sheet, row, "借方合计", "debits total", s.debitsTotal());
        row = money(sheet, row, "贷方合计", "credits total", s.creditsTotal());
        sheet.text(row, 0, "受助户数");
        sheet.text(row, 1, "households aided");
        sheet.count(row, 3, s.householdsAided());
        row++;
        row = money(sheet, row, "单户最高救助额", "largest aid to one household", s.largestHouseholdAid());
        sheet.text(row, 0, "按用途 / by purpose");
        sheet.bold(row++);
        for (AidPurpose p : AidPurpose.values()) {
          row = money(sheet, row, p.zh(), p.en(), s.paidByPurpose().getOrDefault(p, Money.ZERO));
        }
        sheet.text(row, 0, "按乡镇 / by township");
        sheet.bold(row++);
        for (Map.Entry<AreaCode, Money> e : s.paidByTownship().entrySet()) {
          row = money(sheet, row, e.getKey().code(), "township " + e.getKey().code(), e.getValue());
        }
      }
      wb.finish();
    }
  }

  private static int money(FormSheet sheet, int row, String zh, String en, Money amount) {
    sheet.text(row, 0, zh);
    sheet.text(row, 1, en);
    sheet.yuan(row, 2, amount.fen());
    return row + 1;
  }
}
