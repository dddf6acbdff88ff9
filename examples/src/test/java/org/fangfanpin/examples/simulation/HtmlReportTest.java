package org.fangfanpin.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.review.CaseState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report page for hand-made figures: content, charts, escaping, money and reproducibility. */
class HtmlReportTest {

  private static final String HOSTILE = "<script>alert('x')</script>&\"镇\"";

  @TempDir
  Path dir;

  /** Three months; channel counts 1..5 shifted by the month; payments of 123,456,789 fen in the last. */
  static List<MonthFigures> months() {
    List<MonthFigures> out = new ArrayList<>();
    long balance = 2_000_000_000L;
    for (int i = 0; i < 3; i++) {
      Map<Channel, Long> signals = new EnumMap<>(Channel.class);
      for (Channel c : Channel.values()) {
        signals.put(c, (long) (c.ordinal() + 1 + i));
      }
      Map<CaseState, Long> states = new EnumMap<>(CaseState.class);
      for (CaseState s : CaseState.values()) {
        states.put(s, 0L);
      }
      states.put(CaseState.AWAITING_VISIT, 7L - i);
      states.put(CaseState.CONFIRMED, 3L + 4 * i);
      states.put(CaseState.GRADUAL_EXIT, (long) i);
      long paid = i == 2 ? 123_456_789L : 50_000_00L * (i + 1);
      balance -= paid;
      out.add(new MonthFigures(YearMonth.of(2025, 1 + i), signals, states, balance, paid, 2L + i, i == 1 ? 10_000 : 0));
    }
    return out;
  }

  static List<TownshipFigures> townships(String secondName) {
    return List.of(
        new TownshipFigures(AreaCode.of("611022100000"), "龙驹寨街道", 1200, 40, 30, 20, 8, 2, 5, 9_876_543_21L),
        new TownshipFigures(AreaCode.of("611022101000"), secondName, 800, 25, 18, 11, 6, 1, 3, 1_00L));
  }

  static String page() {
    return HtmlReport.render(2000, 3, 42, "memory", months(), townships("棣花镇"));
  }

  @Test
  void isOneChineseUtf8PageWithTitleAndInlineStyleOnly() {
    String html = page();

    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">").contains("<meta charset=\"utf-8\">")
        .contains("<style>").contains("<title>防返贫动态监测县域模拟报告 / County simulation report</title>")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("<img").doesNotContain("@import")
        .doesNotContain("url(");
  }

  @Test
  void refersToNoAddressButTheSvgNamespace() {
    String html = page();

    Matcher m = Pattern.compile("(?i)(https?:)?//[^\"'\\s<>)]*").matcher(html);
    List<String> addresses = new ArrayList<>();
    while (m.find()) {
      addresses.add(m.group());
    }
    assertThat(addresses).isNotEmpty().allMatch("http://www.w3.org/2000/svg"::equals);
  }

  @Test
  void showsTheRunsParameters() {
    String html = page();

    assertThat(html).contains("<dd>2,000</dd>").contains("<dd>3</dd>").contains("<dd>42</dd>")
        .contains("<dd>memory</dd>");
  }

  @Test
  void hasARowForEveryMonthAndEveryTownshipWithATotal() {
    String html = page();

    for (String month : List.of("2025-01", "2025-02", "2025-03")) {
      assertThat(html).contains("<tr><th scope=\"row\">" + month + "</th>");
    }
    assertThat(html).contains("<tr><th scope=\"row\">龙驹寨街道</th><td>611022100000</td><td class=\"num\">1,200</td>"
        + "<td class=\"num\">40</td><td class=\"num\">30</td><td class=\"num\">20</td><td class=\"num\">8</td>"
        + "<td class=\"num\">2</td><td class=\"num\">5</td><td class=\"num\">9,876,543.21</td></tr>");
    assertThat(html).contains("<tr><th scope=\"row\">棣花镇</th><td>611022101000</td>");
    assertThat(html).contains("<tfoot><tr><th scope=\"row\">合计 <span class=\"en\">total</span></th><td></td>"
        + "<td class=\"num\">2,000</td><td class=\"num\">65</td><td class=\"num\">48</td><td class=\"num\">31</td>"
        + "<td class=\"num\">14</td><td class=\"num\">3</td><td class=\"num\">8</td>"
        + "<td class=\"num\">9,876,544.21</td></tr></tfoot>");
  }

  @Test
  void showsMoneyExactlyFromFenInYuanAndTenThousandsOfYuan() {
    String html = page();

    // 123,456,789 fen paid in March: 1,234,567.89 yuan, 123.46 万元.
    assertThat(html).contains("<tr><th scope=\"row\">2025-03</th>")
        .contains("<td class=\"num\">1,234,567.89</td>");
    // Paid in all: 5,000,000 + 10,000,000 + 123,456,789 fen = 138,456,789 fen.
    assertThat(html).contains("<dd>138.46 万元 (1,384,567.89 元)</dd>");
    // Balance: 2,000,000,000 − 138,456,789 = 1,861,543,211 fen.
    assertThat(html).contains("<dd>1,861.54 万元 (18,615,432.11 元)</dd>");
    assertThat(html).contains("<td class=\"num\">100.00</td>").contains("2025-03 支付 payments: 1,234,567.89 元");
  }

  @Test
  void drawsTheThreeChartsAsWellFormedSvgWithTitlesAndABarForEveryNonZeroFigure() throws Exception {
    Map<String, Element> charts = svgs(page());

    assertThat(charts).containsOnlyKeys("chart-signals", "chart-cases", "chart-fund");
    for (Map.Entry<String, Element> e : charts.entrySet()) {
      Element svg = e.getValue();
      assertThat(svg.getAttribute("role")).isEqualTo("img");
      assertThat(svg.getAttribute("aria-labelledby")).isEqualTo(e.getKey() + "-title " + e.getKey() + "-desc");
      assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isNotBlank();
      assertThat(svg.getElementsByTagName("desc").item(0).getTextContent()).isNotBlank();
    }
    // Five channels in each of three months, every count above zero.
    assertThat(titles(charts.get("chart-signals"), "rect")).hasSize(15)
        .contains("2025-01 农户申报 self-declaration: 1", "2025-03 数据平台 data platform: 7");
    // Recognition, confirmed every month; the gradual exit from February.
    assertThat(titles(charts.get("chart-cases"), "rect")).containsExactly(
        "2025-01 认定中 in recognition: 7", "2025-01 已确认监测 confirmed: 3",
        "2025-02 认定中 in recognition: 6", "2025-02 已确认监测 confirmed: 7", "2025-02 渐退期 gradual exit: 1",
        "2025-03 认定中 in recognition: 5", "2025-03 已确认监测 confirmed: 11", "2025-03 渐退期 gradual exit: 2");
    assertThat(titles(charts.get("chart-fund"), "rect")).containsExactly(
        "2025-01 支付 payments: 50,000.00 元", "2025-02 支付 payments: 100,000.00 元",
        "2025-03 支付 payments: 1,234,567.89 元");
    assertThat(titles(charts.get("chart-fund"), "circle")).containsExactly(
        "2025-01 余额 balance: 19,950,000.00 元", "2025-02 余额 balance: 19,850,000.00 元",
        "2025-03 余额 balance: 18,615,432.11 元");
    assertThat(charts.get("chart-fund").getElementsByTagName("polyline").getLength()).isEqualTo(1);
  }

  @Test
  void labelsTheAxesWithScaledTicks() throws Exception {
    Map<String, Element> charts = svgs(page());

    // Signals stack to 15, 20, 25: a scale of 0 to 25 by 5.
    assertThat(texts(charts.get("chart-signals"))).contains("0", "5", "10", "15", "20", "25", "线索数 signals")
        .doesNotContain("30");
    // Balance up to 1,995 万元: ticks every 500 万元; payments up to 123.46 万元: every 50 万元.
    assertThat(texts(charts.get("chart-fund"))).contains("余额 balance (万元)", "支付 payments (万元)", "500", "2000",
        "50", "150");
  }

  @Test
  void givesEveryStateOfTheLastMonthInATable() {
    String html = page();

    assertThat(html).contains("<tr><th scope=\"row\">已确认 <span class=\"en\">confirmed</span></th><td>已确认监测 "
        + "<span class=\"en\">confirmed</span></td><td class=\"num\">11</td></tr>");
    for (CaseState s : CaseState.values()) {
      assertThat(html).contains("<tr><th scope=\"row\">" + s.zh() + " ");
    }
  }

  @Test
  void escapesHostileNames() throws Exception {
    String html = HtmlReport.render(1, 1, 1, "<b>store</b>", months(), townships(HOSTILE));

    assertThat(html).doesNotContain("<script").doesNotContain("<b>store")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;镇&quot;")
        .contains("&lt;b&gt;store&lt;/b&gt;");
  }

  @Test
  void writesTheSameBytesForTheSameFiguresWhateverTheMapsOrder() throws Exception {
    List<MonthFigures> reordered = months().stream().map(m -> new MonthFigures(m.month(),
        new HashMap<>(m.signalsByChannel()), new HashMap<>(m.casesByState()), m.fundBalanceFen(), m.disbursedFen(),
        m.payments(), m.reversedFen())).toList();
    Path a = dir.resolve("a.html");
    Path b = dir.resolve("b.html");

    HtmlReport.write(a, 2000, 3, 42, "memory", months(), townships("棣花镇"));
    HtmlReport.write(b, 2000, 3, 42, "memory", reordered, townships("棣花镇"));

    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b))
        .isEqualTo(page().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void drawsEmptyChartsWhenNoMonthWasSimulated() throws Exception {
    String html = HtmlReport.render(0, 0, 7, "memory", List.of(), List.of());

    assertThat(svgs(html)).hasSize(3);
    assertThat(html).contains("<dd>0.00 万元 (0.00 元)</dd>");
  }

  @Nested
  class Pieces {

    @Test
    void escapesTheFiveSpecialCharactersAndLeavesTheRest() {
      assertThat(Html.escape("a<b>&\"c'd 乡镇")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;d 乡镇");
      assertThat(Html.escape("plain")).isEqualTo("plain");
      assertThat(Html.escape("")).isEmpty();
    }

    @Test
    void formatsFenAsYuanAndTenThousandsOfYuan() {
      assertThat(Yuan.yuan(123_456_789L)).isEqualTo("1,234,567.89");
      assertThat(Yuan.yuan(5L)).isEqualTo("0.05");
      assertThat(Yuan.yuan(-1_050L)).isEqualTo("-10.50");
      assertThat(Yuan.yuan(Long.MAX_VALUE)).isEqualTo("92,233,720,368,547,758.07");
      assertThat(Yuan.wan(123_456_789L)).isEqualTo("123.46");
      assertThat(Yuan.wan(4_999L)).isEqualTo("0.00");
      assertThat(Yuan.wan(5_000L)).isEqualTo("0.01");
      assertThat(Yuan.toYuan(123_456_789L)).hasToString("1234567.89");
    }

    @Test
    void picksScalesOfOneTwoOrFiveTimesAPowerOfTen() {
      assertThat(SvgCharts.Scale.of(0)).isEqualTo(new SvgCharts.Scale(1, 1));
      assertThat(SvgCharts.Scale.of(23)).isEqualTo(new SvgCharts.Scale(5, 25));
      assertThat(SvgCharts.Scale.of(25)).isEqualTo(new SvgCharts.Scale(5, 25));
      assertThat(SvgCharts.Scale.of(123)).isEqualTo(new SvgCharts.Scale(50, 150));
      assertThat(SvgCharts.Scale.of(1_000_000_000L)).isEqualTo(new SvgCharts.Scale(200_000_000L, 1_000_000_000L));
    }
  }

  // ---- reading the page

  private static Map<String, Element> svgs(String html) throws Exception {
    Map<String, Element> out = new java.util.LinkedHashMap<>();
    Matcher m = Pattern.compile("(?s)<svg .*?</svg>").matcher(html);
    while (m.find()) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(m.group().getBytes(StandardCharsets.UTF_8)));
      Element svg = d.getDocumentElement();
      String id = svg.getAttribute("aria-labelledby").split(" ")[0].replace("-title", "");
      out.put(id, svg);
    }
    return out;
  }

  private static List<String> titles(Element svg, String tag) {
    NodeList shapes = svg.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < shapes.getLength(); i++) {
      out.add(((Element) shapes.item(i)).getElementsByTagName("title").item(0).getTextContent());
    }
    return out;
  }

  private static List<String> texts(Element svg) {
    NodeList texts = svg.getElementsByTagName("text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      out.add(texts.item(i).getTextContent());
    }
    return out;
  }
}
