package org.fangfanpin.examples.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code fangfanpin} command (防返贫命令行工具): a top-level command whose subcommands work on
 * household register files, such as {@code assess}.
 *
 * <p>Standard output, standard error and the clock are injected, so tests run the real commands
 * in-process. Exit codes: 0 when all went well, 2 when some rows were rejected, 1 for a usage error
 * or a file that cannot be read.
 */
@Command(name = "fangfanpin",
    description = {"防返贫动态监测工具：对户登记表进行风险研判。",
        "Dynamic monitoring against falling (back) into poverty: assess household registers."},
    synopsisSubcommandLabel = "COMMAND")
public final class FangFanPinCli implements Callable<Integer> {

  /** Exit code of a run where every row was valid. */
  public static final int OK = 0;
  /** Exit code of a usage error, or of a file that cannot be read or written. */
  public static final int FAILURE = 1;
  /** Exit code of a run that rejected some rows. */
  public static final int ROWS_REJECTED = 2;

  /** The counties this tool serves keep China Standard Time, whatever the server's zone. */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final OutputStream stdout;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示帮助 / show this help")
  private boolean help;

  /**
   * A command writing to the given streams, in UTF-8.
   *
   * @param stdout where results go
   * @param stderr where messages go
   * @param clock the clock that says what "today" is when no date is given
   */
  public FangFanPinCli(OutputStream stdout, OutputStream stderr, Clock clock) {
    this.stdout = Objects.requireNonNull(stdout, "stdout");
    this.out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    this.err = new PrintWriter(new OutputStreamWriter(Objects.requireNonNull(stderr, "stderr"),
        StandardCharsets.UTF_8), true);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A command writing to the given streams, with today's date in China. */
  public FangFanPinCli(OutputStream stdout, OutputStream stderr) {
    this(stdout, stderr, Clock.system(CHINA));
  }

  /** Runs the tool and exits with its exit code. */
  public static void main(String... args) {
    // Standard output unwrapped: a PrintStream would hide a failed write behind checkError().
    int code = new FangFanPinCli(new FileOutputStream(FileDescriptor.out), System.err).execute(args);
    System.exit(code);
  }

  /** Runs the tool with the given arguments and returns the exit code. */
  public int execute(String... args) {
    int code = commandLine().execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The picocli command line with every subcommand wired to this tool's streams and clock. */
  public CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(this)
        .addSubcommand("assess", new AssessCommand(stdout, err, clock))
        .addSubcommand("generate-register", new GenerateRegisterCommand(out))
        .addSubcommand("simulate", new SimulateCommand(out, err));
    // Set after the subcommands are added: these settings reach the subcommands present at the time.
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(FangFanPinCli::usageError);
    return commandLine;
  }

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "请指定子命令，如 assess / a command is required, such as assess");
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("用法错误 / usage error: " + e.getMessage());
    if (!UnmatchedArgumentException.printSuggestions(e, err)) {
      command.usage(err);
    }
    return FAILURE;
  }
}
