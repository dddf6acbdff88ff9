package org.fangfanpin.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fangfanpin.core.assessment.Assessment;
import org.fangfanpin.core.assessment.HouseholdAssessor;
import org.fangfanpin.examples.register.RegisterReader;
import org.fangfanpin.examples.register.RegisterRow;
import org.fangfanpin.examples.register.UnreadableRegisterException;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.policy.PolicyEntry;
import org.fangfanpin.spi.policy.PolicyParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fangfanpin assess}: assesses every household of a register file (风险研判) and writes one
 * JSON object per row to standard output, the assessment of a valid row or the problems of a
 * rejected one. Rows stream through; only the household ids seen are kept.
 */
@Command(name = "assess", sortOptions = false,
    description = {
        "逐户研判登记表中的家庭，每行输出一个 JSON 对象：有效行给出研判结果，无效行列出全部问题。",
        "Assess every household of a register and write one JSON object per row: the assessment of a"
            + " valid row, or every problem of a rejected one.",
        "",
        "退出码 / exit codes: 0 全部有效 / all rows valid; 2 有行被拒绝 / some rows rejected;"
            + " 1 用法错误或文件无法读取 / usage error or unreadable file."})
final class AssessCommand implements Callable<Integer> {

  private final OutputStream stdout;
  private final PrintWriter err;
  private final Clock clock;

  @Spec
  private CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "户登记表 CSV 文件（UTF-8）/ the household register CSV file (UTF-8)")
  private Path input;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.IsoDate.class,
      description = "研判日期，决定适用的政策版本；默认为北京时间今天"
          + " / the date of the assessment, which picks the policy version; default: today in China")
  private Optional<LocalDate> asOf;

  @Option(names = "--monitoring-line", paramLabel = "YUAN", converter = Converters.PositiveYuan.class,
      description = "以此监测标准（元/人/年）代替政策中的标准"
          + " / use this monitoring line (yuan per person per year) instead of the policy's")
  private Optional<Money> monitoringLine;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示帮助 / show this help")
  private boolean help;

  AssessCommand(OutputStream stdout, PrintWriter err, Clock clock) {
    this.stdout = stdout;
    this.err = err;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    LocalDate date = asOf.orElseGet(() -> LocalDate.now(clock));
    PolicyBook book = PolicyBook.nationalDefaults();
    requireNationalPolicy(book, date);

    RegisterReader reader;
    try {
      reader = RegisterReader.open(input);
    } catch (UnreadableRegisterException e) {
      return unreadable(e);
    }
    Map<AreaCode, PolicyParameters> policyByVillage = new HashMap<>();
    long assessed = 0;
    long candidates = 0;
    long rejected = 0;
    try (reader; JsonLinesWriter json = new JsonLinesWriter(stdout)) {
      while (reader.hasNext()) {
        RegisterRow row = reader.next();
        if (row instanceof RegisterRow.Accepted accepted) {
          Household household = accepted.household();
          PolicyParameters policy = policyByVillage.computeIfAbsent(household.area(), area -> policy(book, area, date));
          Assessment assessment = HouseholdAssessor.assess(household, policy, date);
          json.write(assessment);
          assessed++;
          candidates += assessment.candidate() ? 1 : 0;
        } else {
          json.write((RegisterRow.Rejected) row);
          rejected++;
        }
      }
    } catch (UnreadableRegisterException e) {
      return unreadable(e);
    } catch (IOException e) {
      err.println("无法写出结果：" + e.getMessage());
      err.println("cannot write the results: " + e.getMessage());
      return FangFanPinCli.FAILURE;
    }
    err.println("已研判 " + assessed + " 户，其中 " + candidates + " 户为监测对象候选；" + rejected + " 行被拒绝");
    err.println("assessed " + assessed + " households, " + candidates + " of them monitoring candidates; "
        + rejected + " rows rejected");
    return rejected == 0 ? FangFanPinCli.OK : FangFanPinCli.ROWS_REJECTED;
  }

  /** The policy of a village on the date, with the monitoring line replaced when one is given. */
  private PolicyParameters policy(PolicyBook book, AreaCode village, LocalDate date) {
    PolicyParameters resolved = book.resolve(village, date)
        .getOrElseThrow(() -> new IllegalStateException("no policy covers " + village + " on " + date));
    return monitoringLine.map(resolved::withMonitoringLine).orElse(resolved);
  }

  /** Every village needs a policy, so a date before the first national version is a usage error. */
  private void requireNationalPolicy(PolicyBook book, LocalDate date) {
    boolean inForce = book.entries().exists(e -> e.region().isEmpty() && !e.effectiveFrom().isAfter(date));
    if (!inForce) {
      String first = book.entries().filter(e -> e.region().isEmpty()).map(PolicyEntry::effectiveFrom).min()
          .map(LocalDate::toString).getOrElse("?");
      throw new ParameterException(spec.commandLine(),
          "研判日期 " + date + " 早于最早的政策版本（" + first + " 起施行）"
              + " / the date " + date + " is before the first policy version (in force from " + first + ")");
    }
  }

  private int unreadable(UnreadableRegisterException e) {
    err.println(e.zh());
    err.println(e.en());
    return FangFanPinCli.FAILURE;
  }
}
