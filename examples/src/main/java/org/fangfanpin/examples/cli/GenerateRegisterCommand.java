package org.fangfanpin.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fangfanpin.examples.register.RegisterGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code fangfanpin generate-register}: writes a made-up register of Danfeng county (模拟户登记表)
 * to try {@code assess} on, optionally with faulty rows, the same for the same seed.
 */
@Command(name = "generate-register", sortOptions = false,
    description = {
        "生成丹凤县（611022）的模拟户登记表 CSV，同一种子生成相同文件；可按千分比注入常见错误行。",
        "Write a made-up household register of Danfeng county (611022) as CSV, the same for the same"
            + " seed; optionally with a share of rows carrying a typical fault."})
final class GenerateRegisterCommand implements Callable<Integer> {

  private static final int BUFFER_CHARS = 1 << 16;

  private final PrintWriter out;

  @Spec
  private CommandSpec spec;

  @Option(names = "--households", required = true, paramLabel = "N",
      description = "户数（数据行数）/ the number of households (data rows)")
  private long households;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
      description = "随机种子，默认 ${DEFAULT-VALUE} / the random seed, default ${DEFAULT-VALUE}")
  private long seed;

  @Option(names = "--invalid-per-mille", defaultValue = "0", paramLabel = "K",
      description = "每千行中含错误的行数（0–1000），默认 ${DEFAULT-VALUE}"
          + " / faulty rows per thousand (0–1000), default ${DEFAULT-VALUE}")
  private int invalidPerMille;

  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "输出文件，已存在则覆盖 / the output file, replaced if it exists")
  private Path output;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示帮助 / show this help")
  private boolean help;

  GenerateRegisterCommand(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    if (households < 0) {
      throw new ParameterException(spec.commandLine(), "--households 不能为负数 / --households cannot be negative");
    }
    if (invalidPerMille < 0 || invalidPerMille > RegisterGenerator.MAX_INVALID_PER_MILLE) {
      throw new ParameterException(spec.commandLine(),
          "--invalid-per-mille 应在 0 到 1000 之间 / --invalid-per-mille must lie between 0 and 1000");
    }
    RegisterGenerator.Summary summary;
    try (Writer writer = new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8), BUFFER_CHARS)) {
      summary = new RegisterGenerator(seed, invalidPerMille).write(households, writer);
    } catch (IOException e) {
      spec.commandLine().getErr().println("无法写入文件 " + output + "：" + e.getMessage());
      spec.commandLine().getErr().println("cannot write " + output + ": " + e.getMessage());
      return FangFanPinCli.FAILURE;
    }
    out.println("已生成 " + summary.households() + " 户，其中 " + summary.faultyRows() + " 行含有错误：" + output);
    out.println("generated " + summary.households() + " households, " + summary.faultyRows()
        + " rows with a fault: " + output);
    return FangFanPinCli.OK;
  }
}
