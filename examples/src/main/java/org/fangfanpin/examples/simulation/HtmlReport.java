package org.fangfanpin.examples.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.review.CaseState;

/**
 * The simulation's report page (模拟报告, report.html): one self-contained UTF-8 page, readable
 * offline, in Chinese with English labels. It charts the signals by channel, the cases by state
 * and the fund's balance and payments month by month as inline SVG, and tables every month and
 * every township. No script, stylesheet, font or image is fetched from anywhere, and the same
 * figures always give the same bytes (no timestamp), so runs can be compared with {@code diff}.
 */
public final class HtmlReport {

  private static final String[] CHANNEL_COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"};

  private HtmlReport() {}

  /**
   * Writes the page.
   *
   * @param file where to write it; replaced if it exists
   * @param households households registered in the simulated county
   * @param months the number of months simulated
   * @param seed the simulation's seed
   * @param store the store the simulation ran on, as the user named it
   * @param monthly the figures of each month, in order
   * @param townships each township's totals, in the order to show them
   */
  public static void write(Path file, long households, int months, long seed, String store,
      List<MonthFigures> monthly, List<TownshipFigures> townships) throws IOException {
    Objects.requireNonNull(file, "file");
    Files.writeString(file, render(households, months, seed, store, monthly, townships), StandardCharsets.UTF_8);
  }

  /** The page as text; {@link #write} writes exactly this. */
  static String render(long households, int months, long seed, String store, List<MonthFigures> monthly,
      List<TownshipFigures> townships) {
    Objects.requireNonNull(store, "store");
    List<MonthFigures> figures = List.copyOf(monthly);
    List<TownshipFigures> towns = List.copyOf(townships);
    List<String> labels = figures.stream().map(m -> m.month().toString()).toList();
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>防返贫动态监测县域模拟报告 / County simulation report</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>防返贫动态监测县域模拟报告 <span class=\"en\">County simulation report</span></h1>\n");
    summary(h, households, months, seed, store, figures);
    signals(h, figures, labels);
    cases(h, figures, labels);
    fund(h, figures, labels);
    monthTable(h, figures);
    townshipTable(h, towns);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  // ---- sections

  private static void summary(StringBuilder h, long households, int months, long seed, String store,
      List<MonthFigures> figures) {
    long signals = 0;
    long paid = 0;
    long payments = 0;
    for (MonthFigures m : figures) {
      signals += total(m);
      paid += m.disbursedFen();
      payments += m.payments();
    }
    long balance = figures.isEmpty() ? 0 : figures.get(figures.size() - 1).fundBalanceFen();
    h.append("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">概况 <span class=\"en\">Summary</span></h2>\n")
        .append("<dl class=\"summary\">\n");
    item(h, "户数", "households", Yuan.count(households));
    item(h, "模拟月数", "months simulated", Yuan.count(months));
    item(h, "随机种子", "seed", Long.toString(seed));
    item(h, "存储", "store", Html.escape(store));
    item(h, "风险线索", "signals", Yuan.count(signals));
    item(h, "支付笔数", "payments", Yuan.count(payments));
    item(h, "支付金额", "disbursed", Yuan.wan(paid) + " 万元 (" + Yuan.yuan(paid) + " 元)");
    item(h, "期末资金余额", "fund balance at the end", Yuan.wan(balance) + " 万元 (" + Yuan.yuan(balance) + " 元)");
    h.append("</dl>\n</section>\n");
  }

  private static void signals(StringBuilder h, List<MonthFigures> figures, List<String> labels) {
    List<SvgCharts.Series> series = new ArrayList<>();
    Channel[] channels = Channel.values();
    for (int c = 0; c < channels.length; c++) {
      Channel channel = channels[c];
      long[] v = figures.stream().mapToLong(m -> m.signalsByChannel().getOrDefault(channel, 0L)).toArray();
      series.add(new SvgCharts.Series(channel.zh() + " " + channel.en(), CHANNEL_COLORS[c % CHANNEL_COLORS.length], v));
    }
    figure(h, "signals", "每月风险线索（按渠道）", "Signals per month by channel",
        SvgCharts.stackedBars("chart-signals", "每月风险线索（按渠道） / Signals per month by channel",
            "每月收到的风险线索数，按五个渠道堆叠；重复报送只计一次。 Signals received each month, stacked by the five "
                + "intake channels; a signal delivered twice counts once.",
            labels, series, "线索数 signals"),
        series);
    h.append("</section>\n");
  }

  private static void cases(StringBuilder h, List<MonthFigures> figures, List<String> labels) {
    List<SvgCharts.Series> series = new ArrayList<>();
    for (Phase p : Phase.values()) {
      long[] v = figures.stream().mapToLong(m -> {
        long n = 0;
        for (CaseState s : CaseState.values()) {
          if (Phase.of(s) == p) {
            n += m.casesByState().getOrDefault(s, 0L);
          }
        }
        return n;
      }).toArray();
      series.add(new SvgCharts.Series(p.zh + " " + p.en, p.color, v));
    }
    figure(h, "cases", "月末案件状态", "Cases by state at each month's end",
        SvgCharts.stackedBars("chart-cases", "月末案件状态 / Cases by state at each month's end",
            "每月月末各状态的案件数，按阶段堆叠；最后一个月的逐状态数见下表。 Cases in each phase at each month's end; "
                + "the table below gives every state of the last month.",
            labels, series, "案件数 cases"),
        series);
    h.append("<table>\n<caption>期末案件状态 <span class=\"en\">Cases by state at the last month's end</span></caption>\n")
        .append("<thead><tr><th scope=\"col\">状态 <span class=\"en\">state</span></th>")
        .append("<th scope=\"col\">阶段 <span class=\"en\">phase</span></th>")
        .append("<th scope=\"col\" class=\"num\">案件数 <span class=\"en\">cases</span></th></tr></thead>\n<tbody>\n");
    MonthFigures last = figures.isEmpty() ? null : figures.get(figures.size() - 1);
    for (CaseState s : CaseState.values()) {
      long n = last == null ? 0 : last.casesByState().getOrDefault(s, 0L);
      Phase p = Phase.of(s);
      h.append("<tr><th scope=\"row\">").append(Html.escape(s.zh())).append(" <span class=\"en\">")
          .append(Html.escape(s.en())).append("</span></th><td>").append(p.zh).append(" <span class=\"en\">")
          .append(p.en).append("</span></td><td class=\"num\">").append(Yuan.count(n)).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void fund(StringBuilder h, List<MonthFigures> figures, List<String> labels) {
    long[] balance = figures.stream().mapToLong(MonthFigures::fundBalanceFen).toArray();
    long[] paid = figures.stream().mapToLong(MonthFigures::disbursedFen).toArray();
    String svg = SvgCharts.fund("chart-fund", "专项资金余额与月支付 / Fund balance and monthly payments",
        "折线为每月月末资金池余额（左轴），柱为当月支付金额（右轴）。 The line is the pool's balance at each month's "
            + "end (left axis); the bars are the month's payments (right axis).",
        labels, balance, paid, "余额 balance", "支付 payments");
    h.append("<section aria-labelledby=\"fund\">\n<h2 id=\"fund\">专项资金余额与月支付 <span class=\"en\">Fund balance and "
        + "monthly payments</span></h2>\n<figure>\n").append(svg).append("\n<figcaption><ul class=\"legend\">")
        .append("<li><span class=\"swatch line\" style=\"background:").append(SvgCharts.lineColor())
        .append("\"></span>月末余额 <span class=\"en\">balance at the month's end</span> (左轴 left axis)</li>")
        .append("<li><span class=\"swatch\" style=\"background:").append(SvgCharts.paidColor())
        .append("\"></span>当月支付 <span class=\"en\">payments in the month</span> (右轴 right axis)</li>")
        .append("</ul></figcaption>\n</figure>\n</section>\n");
  }

  private static void monthTable(StringBuilder h, List<MonthFigures> figures) {
    h.append("<section aria-labelledby=\"months\">\n<h2 id=\"months\">逐月数据 <span class=\"en\">Month by month</span></h2>\n")
        .append("<table>\n<thead><tr><th scope=\"col\">月份 <span class=\"en\">month</span></th>");
    for (Channel c : Channel.values()) {
      h.append("<th scope=\"col\" class=\"num\">").append(Html.escape(c.zh())).append(" <span class=\"en\">")
          .append(Html.escape(c.en())).append("</span></th>");
    }
    h.append("<th scope=\"col\" class=\"num\">线索合计 <span class=\"en\">signals</span></th>")
        .append("<th scope=\"col\" class=\"num\">支付笔数 <span class=\"en\">payments</span></th>")
        .append("<th scope=\"col\" class=\"num\">支付金额（元） <span class=\"en\">disbursed (yuan)</span></th>")
        .append("<th scope=\"col\" class=\"num\">冲正（元） <span class=\"en\">reversed (yuan)</span></th>")
        .append("<th scope=\"col\" class=\"num\">月末余额（元） <span class=\"en\">balance (yuan)</span></th>")
        .append("</tr></thead>\n<tbody>\n");
    for (MonthFigures m : figures) {
      h.append("<tr><th scope=\"row\">").append(m.month()).append("</th>");
      for (Channel c : Channel.values()) {
        cell(h, Yuan.count(m.signalsByChannel().getOrDefault(c, 0L)));
      }
      cell(h, Yuan.count(total(m)));
      cell(h, Yuan.count(m.payments()));
      cell(h, Yuan.yuan(m.disbursedFen()));
      cell(h, Yuan.yuan(m.reversedFen()));
      cell(h, Yuan.yuan(m.fundBalanceFen()));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  private static void townshipTable(StringBuilder h, List<TownshipFigures> towns) {
    h.append("<section aria-labelledby=\"townships\">\n<h2 id=\"townships\">各乡镇汇总 <span class=\"en\">By township</span></h2>\n")
        .append("<table>\n<thead><tr>")
        .append("<th scope=\"col\">乡镇 <span class=\"en\">township</span></th>")
        .append("<th scope=\"col\">区划代码 <span class=\"en\">area code</span></th>");
    String[][] heads = {
        {"户数", "households"}, {"风险线索", "signals"}, {"立案", "cases opened"}, {"县级认定", "confirmed"},
        {"排除", "dismissed"}, {"遇困即扶", "emergency"}, {"风险消除", "eliminations"}, {"支付金额（元）", "disbursed (yuan)"}};
    for (String[] head : heads) {
      h.append("<th scope=\"col\" class=\"num\">").append(head[0]).append(" <span class=\"en\">").append(head[1])
          .append("</span></th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    long[] sums = new long[8];
    for (TownshipFigures t : towns) {
      long[] v = {t.households(), t.signals(), t.casesOpened(), t.confirmed(), t.dismissed(), t.emergencyCases(),
          t.eliminations(), t.disbursedFen()};
      h.append("<tr><th scope=\"row\">").append(Html.escape(t.name())).append("</th><td>")
          .append(Html.escape(t.township().code())).append("</td>");
      for (int i = 0; i < v.length; i++) {
        sums[i] += v[i];
        cell(h, i == v.length - 1 ? Yuan.yuan(v[i]) : Yuan.count(v[i]));
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n<tfoot><tr><th scope=\"row\">合计 <span class=\"en\">total</span></th><td></td>");
    for (int i = 0; i < sums.length; i++) {
      cell(h, i == sums.length - 1 ? Yuan.yuan(sums[i]) : Yuan.count(sums[i]));
    }
    h.append("</tr></tfoot>\n</table>\n</section>\n");
  }

  // ---- pieces

  /** Opens the chart's section and writes its figure with the legend; the caller closes the section. */
  private static void figure(StringBuilder h, String id, String zh, String en, String svg,
      List<SvgCharts.Series> series) {
    h.append("<section aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">").append(zh)
        .append(" <span class=\"en\">").append(en).append("</span></h2>\n<figure>\n").append(svg)
        .append("\n<figcaption><ul class=\"legend\">");
    for (SvgCharts.Series s : series) {
      h.append("<li><span class=\"swatch\" style=\"background:").append(s.color()).append("\"></span>")
          .append(Html.escape(s.label())).append("</li>");
    }
    h.append("</ul></figcaption>\n</figure>\n");
  }

  private static void item(StringBuilder h, String zh, String en, String escapedValue) {
    h.append("<div><dt>").append(zh).append(" <span class=\"en\">").append(en).append("</span></dt><dd>")
        .append(escapedValue).append("</dd></div>\n");
  }

  private static void cell(StringBuilder h, String text) {
    h.append("<td class=\"num\">").append(text).append("</td>");
  }

  private static long total(MonthFigures m) {
    long n = 0;
    for (long v : m.signalsByChannel().values()) {
      n += v;
    }
    return n;
  }

  /** The phases the case chart stacks, each gathering the states of one stretch of the workflow. */
  private enum Phase {
    RECOGNITION("认定中", "in recognition", "#f0ad4e"),
    CONFIRMED("已确认监测", "confirmed", "#d9534f"),
    ELIMINATION("风险消除中", "elimination under way", "#5bc0de"),
    GRADUAL_EXIT("渐退期", "gradual exit", "#5cb85c"),
    DISMISSED("已排除", "dismissed", "#999999"),
    CLOSED("已销号", "closed", "#337ab7");

    final String zh;
    final String en;
    final String color;

    Phase(String zh, String en, String color) {
      this.zh = zh;
      this.en = en;
      this.color = color;
    }

    static Phase of(CaseState s) {
      return switch (s) {
        case AWAITING_VISIT, AWAITING_APPRAISAL, AWAITING_NOTICE, IN_NOTICE, AWAITING_TOWNSHIP, AWAITING_COUNTY ->
            RECOGNITION;
        case CONFIRMED -> CONFIRMED;
        case ELIMINATION_PROPOSED, ELIMINATION_AWAITING_NOTICE, ELIMINATION_IN_NOTICE, ELIMINATION_AWAITING_TOWNSHIP,
            ELIMINATION_AWAITING_COUNTY -> ELIMINATION;
        case GRADUAL_EXIT -> GRADUAL_EXIT;
        case DISMISSED -> DISMISSED;
        case CLOSED -> CLOSED;
      };
    }
  }

  private static final String STYLE = """
      body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:1000px;\
      padding:0 1em;color:#222;line-height:1.5}
      h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
      .en{color:#666;font-size:.85em;font-weight:normal}
      dl.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:.5em 1.5em}
      dl.summary dt{font-size:.9em}dl.summary dd{margin:0;font-size:1.2em;font-weight:bold}
      figure{margin:1em 0}svg{width:100%;height:auto;max-width:760px;display:block}
      svg text{fill:#333}
      ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1.2em;font-size:.9em}
      .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
      .swatch.line{height:.25em;vertical-align:.2em}
      table{border-collapse:collapse;margin:1em 0;font-size:.9em}
      caption{text-align:left;font-weight:bold;margin-bottom:.3em}
      th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left}
      thead th{background:#f3f3f3;vertical-align:bottom}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      tfoot th,tfoot td{font-weight:bold;background:#fafafa}
      """;
}
