package org.fangfanpin.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.fangfanpin.examples.simulation.HtmlReport;
import org.fangfanpin.examples.simulation.ReportJson;
import org.fangfanpin.examples.simulation.Simulation;
import org.fangfanpin.examples.simulation.SimulationProgress;
import org.fangfanpin.examples.simulation.SimulationResult;
import org.fangfanpin.examples.simulation.SimulationSettings;
import org.fangfanpin.examples.simulation.SimulationStore;
import org.fangfanpin.examples.simulation.XlsxForms;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.review.CaseState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fangfanpin simulate}: runs a whole county month by month through the library (县域模拟)
 * and writes report.json, report.html and the XLSX forms into the output folder; a progress bar on
 * a terminal's standard error,
 * a summary table on standard output. Exit code 0 when every invariant held, 2 when the check of
 * the stored data found a violation, 1 for a usage error or an output folder that cannot be
 * written.
 */
@Command(name = "simulate", sortOptions = false,
    description = {
        "模拟一个县（默认为丹凤县规模：12 个镇办、156 个村、20000 户）逐月运行防返贫监测帮扶全流程，输出 report.json、report.html 与 XLSX 报表。",
        "Simulate a county (by default Danfeng's shape: 12 townships, 156 villages, 20,000 households) month"
            + " by month through the whole monitoring and assistance loop, and write report.json, report.html"
            + " and the XLSX forms."})
final class SimulateCommand implements Callable<Integer> {

  /** Exit code of a run whose stored data broke an invariant. */
  static final int INVARIANT_VIOLATED = 2;

  private final PrintWriter out;
  private final PrintWriter err;

  @Spec
  private CommandSpec spec;

  @Option(names = "--households", defaultValue = "20000", paramLabel = "N",
      description = "户数，默认 ${DEFAULT-VALUE} / households, default ${DEFAULT-VALUE}")
  private long households;

  @Option(names = "--months", defaultValue = "12", paramLabel = "M",
      description = "模拟月数（自 2025 年 1 月起，1–24），默认 ${DEFAULT-VALUE}"
          + " / months from January 2025 (1–24), default ${DEFAULT-VALUE}")
  private int months;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
      description = "随机种子，默认 ${DEFAULT-VALUE} / the random seed, default ${DEFAULT-VALUE}")
  private long seed;

  // Memory by default: the JDBC adapter writes every commit through to disk, which makes a county of
  // 20,000 households take far longer on H2 than the minute a default run is allowed.
  @Option(names = "--store", defaultValue = "memory", paramLabel = "memory|h2|JDBC-URL",
      description = "存储：memory（内存）、h2（输出目录中的新建嵌入式数据库，每次提交都落盘，慢得多）或空数据库的 JDBC 地址，"
          + "默认 ${DEFAULT-VALUE} / the store: memory, h2 (a fresh embedded database in the output folder; every"
          + " commit goes to disk, so it is much slower) or the JDBC URL of an empty database; default ${DEFAULT-VALUE}")
  private String store;

  @Option(names = "--out", defaultValue = "simulation-out", paramLabel = "DIR",
      description = "输出目录，默认 ${DEFAULT-VALUE} / the output folder, default ${DEFAULT-VALUE}")
  private Path outDir;

  @Option(names = "--quiet", description = "不显示进度条 / no progress bar")
  private boolean quiet;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示帮助 / show this help")
  private boolean help;

  SimulateCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    if (households < 1 || households > SimulationSettings.MAX_HOUSEHOLDS) {
      throw new ParameterException(spec.commandLine(), "--households 应在 1 到 " + SimulationSettings.MAX_HOUSEHOLDS
          + " 之间 / --households must lie between 1 and " + SimulationSettings.MAX_HOUSEHOLDS);
    }
    if (months < 1 || months > SimulationSettings.MAX_MONTHS) {
      throw new ParameterException(spec.commandLine(), "--months 应在 1 到 " + SimulationSettings.MAX_MONTHS
          + " 之间（已载入 2025、2026 年节假日）/ --months must lie between 1 and " + SimulationSettings.MAX_MONTHS
          + " (the 2025 and 2026 holidays are loaded)");
    }
    String kind = store.toLowerCase(Locale.ROOT);
    if (!kind.equals("memory") && !kind.equals("h2") && !store.startsWith("jdbc:")) {
      throw new ParameterException(spec.commandLine(), "--store 应为 memory、h2 或以 jdbc: 开头的地址 / --store must be"
          + " memory, h2 or a URL starting with jdbc:");
    }
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      return cannotWrite(outDir, e);
    }
    SimulationStore opened;
    try {
      opened = kind.equals("memory") ? SimulationStore.memory()
          : kind.equals("h2") ? SimulationStore.h2(outDir) : SimulationStore.jdbc(store);
    } catch (IOException | RuntimeException e) {
      // Driver and pool messages may repeat the URL, user and password included.
      String shown = SimulationStore.withoutCredentials(store);
      String why = SimulationStore.withoutCredentialsIn(String.valueOf(e.getMessage()));
      err.println("--store " + shown + "：无法打开存储：" + why);
      err.println("--store " + shown + ": cannot open the store: " + why);
      return FangFanPinCli.FAILURE;
    }
    try (SimulationStore db = opened) {
      return simulate(db);
    }
  }

  private int simulate(SimulationStore db) {
    SimulationSettings settings = new SimulationSettings(households, months, seed, db.name());
    Simulation simulation = new Simulation(settings, db.unitOfWork());
    SimulationResult result;
    try (ProgressBar bar = progressBar()) {
      result = simulation.run(progress(bar));
    }
    long started = System.nanoTime();
    Path html = outDir.resolve("report.html");
    try {
      HtmlReport.write(html, settings.households(), settings.months(), settings.seed(), settings.store(),
          result.months(), result.townships());
    } catch (IOException e) {
      return cannotWrite(html, e);
    }
    try {
      XlsxForms.write(outDir, simulation.app(), Simulation.county(), Simulation.firstMonth(),
          Simulation.firstMonth().plusMonths(settings.months() - 1L));
    } catch (IOException e) {
      return cannotWrite(outDir, e);
    }
    result = result.withTiming("reports_ms", (System.nanoTime() - started) / 1_000_000);
    Path report = outDir.resolve("report.json");
    try {
      ReportJson.write(report, result);
    } catch (IOException e) {
      return cannotWrite(report, e);
    }
    summary(result, report);
    return result.invariantViolations().isEmpty() ? FangFanPinCli.OK : INVARIANT_VIOLATED;
  }

  /** A bar on a terminal unless quiet; none when standard error is a file or a pipe. */
  private ProgressBar progressBar() {
    if (quiet || System.console() == null) {
      return null;
    }
    return new ProgressBarBuilder().setTaskName("模拟 / simulating").setInitialMax(1)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" 天/days", 1)
        .continuousUpdate().build();
  }

  private static SimulationProgress progress(ProgressBar bar) {
    if (bar == null) {
      return SimulationProgress.NONE;
    }
    return new SimulationProgress() {
      @Override
      public void start(long days) {
        bar.maxHint(days);
      }

      @Override
      public void day(String month) {
        bar.setExtraMessage(month);
        bar.step();
      }
    };
  }

  private void summary(SimulationResult r, Path report) {
    out.printf("%-44s %,14d%n", "户数 / households", r.settings().households());
    out.printf("%-44s %14d%n", "月数 / months", r.settings().months());
    for (Map.Entry<Channel, Long> e : r.signalsByChannel().entrySet()) {
      out.printf("%-44s %,14d%n", "线索 / signals: " + e.getKey().zh() + " / " + e.getKey().en(), e.getValue());
    }
    out.printf("%-44s %,14d%n", "重复线索合并 / duplicate signals collapsed", r.duplicateSignalsCollapsed());
    out.printf("%-44s %,14d%n", "立案 / cases opened", r.casesOpened());
    for (Map.Entry<MonitoringCategory, Long> e : r.confirmedByCategory().entrySet()) {
      out.printf("%-44s %,14d%n", "确认 / confirmed: " + e.getKey().zh(), e.getValue());
    }
    out.printf("%-44s %,14d%n", "排除 / dismissed", r.dismissed());
    out.printf("%-44s %,14d%n", "遇困即扶 / emergency cases", r.emergencyCases());
    out.printf("%-44s %,14d%n", "超期认定 / overdue recognitions", r.overdueRecognitions());
    out.printf("%-44s %,14d%n", "风险消除 / eliminations", r.eliminations());
    out.printf("%-44s %,14d%n", "渐退销号 / exits completed", r.exitsCompleted());
    out.printf("%-44s %,14d%n", "返贫 / relapses", r.relapses());
    for (Map.Entry<CaseState, Long> e : r.casesByState().entrySet()) {
      if (e.getValue() > 0) {
        out.printf("%-44s %,14d%n", "期末案件 / cases at the end: " + e.getKey().zh(), e.getValue());
      }
    }
    SimulationResult.FundFigures f = r.fund();
    out.printf("%-44s %,17.2f%n", "财政拨入（元）/ appropriated (yuan)", f.appropriatedFen() / 100.0);
    out.printf("%-44s %,17.2f%n", "社会捐助（元）/ donated (yuan)", f.donatedFen() / 100.0);
    out.printf("%-44s %,17.2f%n", "发放（元）/ disbursed (yuan)", f.disbursedFen() / 100.0);
    out.printf("%-44s %,17.2f%n", "冲正退回（元）/ reversed (yuan)", f.reversedFen() / 100.0);
    out.printf("%-44s %,17.2f%n", "资金池余额（元）/ pool balance (yuan)", f.balanceFen() / 100.0);
    out.printf("%-44s %,14d%n", "受助户 / households aided", f.householdsAided());
    out.printf("%-44s %,14d%n", "审计记录 / audit records", r.auditRecords());
    out.printf("%-44s %14s%n", "审计链 / audit chain", r.chainValid() ? "有效 / valid" : "断开 / BROKEN");
    out.printf("%-44s %,14d%n", "不变量违反 / invariant violations", r.invariantViolations().size());
    out.printf("%-44s %,14d%n", "被拒绝的操作 / refused moves", r.refusedMoves().values().stream()
        .mapToLong(Long::longValue).sum());
    for (Map.Entry<String, Long> e : r.refusedMoves().entrySet()) {
      out.printf("%-44s %,14d%n", "  " + e.getKey(), e.getValue());
    }
    out.printf("%-44s %,14.1f%n", "用时（秒）/ time (s)", r.timingMillis().get("total_ms") / 1000.0);
    out.println("报告 / report: " + report);
    for (String v : r.invariantViolations()) {
      err.println("不变量违反 / invariant violated: " + v);
    }
  }

  private int cannotWrite(Path path, IOException e) {
    err.println("无法写入 " + path + "：" + e.getMessage());
    err.println("cannot write " + path + ": " + e.getMessage());
    return FangFanPinCli.FAILURE;
  }
}
