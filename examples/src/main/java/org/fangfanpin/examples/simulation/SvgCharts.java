package org.fangfanpin.examples.simulation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts drawn as inline SVG (内嵌矢量图), so the page needs no script, font or
 * image from anywhere: stacked bars of counts by month, and the fund's balance as a line over its
 * monthly payments as bars, each axis on its own scale. Every chart carries a {@code <title>} and
 * a {@code <desc>} named by {@code aria-labelledby}; every bar and point has its exact value as a
 * tooltip. Output depends only on the input, so the page is byte-for-byte reproducible.
 */
final class SvgCharts {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 332;
  private static final int LEFT = 72;
  private static final int RIGHT = 72;
  // Room above the plot for the axis titles, clear of the top tick labels.
  private static final int TOP = 28;
  private static final int BOTTOM = 64;
  private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
  private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
  private static final String AXIS = "#555";
  private static final String LINE = "#c0392b";
  private static final String PAID = "#7fb3d5";

  private SvgCharts() {}

  /** A stacked series: its legend label, its colour and one value per month. */
  record Series(String label, String color, long[] values) {}

  /** An axis scale: ticks from zero to {@code top} every {@code step}. */
  record Scale(long step, long top) {

    /** The smallest scale of 1, 2 or 5 times a power of ten with at most five steps holding {@code max}. */
    static Scale of(long max) {
      long target = Math.max(1, (Math.max(0, max) + 4) / 5);
      long magnitude = 1;
      while (magnitude <= target / 10) {
        magnitude *= 10;
      }
      long step = magnitude;
      for (long m : new long[] {1, 2, 5, 10}) {
        if (m * magnitude >= target) {
          step = m * magnitude;
          break;
        }
      }
      long top = step * Math.max(1, (Math.max(0, max) + step - 1) / step);
      return new Scale(step, top);
    }
  }

  /**
   * Stacked bars, one per month, one segment per series.
   *
   * @param id a page-unique id for the accessibility labels
   * @param unit the value axis's label
   */
  static String stackedBars(String id, String title, String desc, List<String> months, List<Series> series,
      String unit) {
    long max = 0;
    for (int m = 0; m < months.size(); m++) {
      long total = 0;
      for (Series s : series) {
        total += s.values()[m];
      }
      max = Math.max(max, total);
    }
    Scale scale = Scale.of(max);
    StringBuilder svg = open(id, title, desc);
    for (long t = 0; t <= scale.top(); t += scale.step()) {
      double y = y(t, scale.top());
      gridLine(svg, y);
      svg.append("<text x=\"").append(f(LEFT - 6)).append("\" y=\"").append(f(y + 4))
          .append("\" text-anchor=\"end\">").append(Yuan.count(t)).append("</text>\n");
    }
    axisLabel(svg, LEFT - 56, unit, "start");
    double band = band(months.size());
    for (int m = 0; m < months.size(); m++) {
      double x = LEFT + m * band + band * 0.15;
      long base = 0;
      for (Series s : series) {
        long v = s.values()[m];
        if (v > 0) {
          double yTop = y(base + v, scale.top());
          double yBottom = y(base, scale.top());
          svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(yTop)).append("\" width=\"")
              .append(f(band * 0.7)).append("\" height=\"").append(f(yBottom - yTop)).append("\" fill=\"")
              .append(s.color()).append("\"><title>").append(Html.escape(months.get(m) + " " + s.label()))
              .append(": ").append(Yuan.count(v)).append("</title></rect>\n");
        }
        base += v;
      }
    }
    monthAxis(svg, months);
    return close(svg);
  }

  /**
   * The fund: bars of the month's payments on the right axis, a line of the balance at each
   * month's end on the left axis; both in 万元 once the largest figure reaches one 万元, else in
   * yuan.
   */
  static String fund(String id, String title, String desc, List<String> months, long[] balanceFen,
      long[] paidFen, String balanceLabel, String paidLabel) {
    Scale left = Scale.of(max(balanceFen));
    Scale right = Scale.of(max(paidFen));
    StringBuilder svg = open(id, title, desc);
    for (long t = 0; t <= left.top(); t += left.step()) {
      double y = y(t, left.top());
      gridLine(svg, y);
      svg.append("<text x=\"").append(f(LEFT - 6)).append("\" y=\"").append(f(y + 4))
          .append("\" text-anchor=\"end\">").append(tick(t, left.top())).append("</text>\n");
    }
    for (long t = 0; t <= right.top(); t += right.step()) {
      double y = y(t, right.top());
      svg.append("<text x=\"").append(f(WIDTH - RIGHT + 6)).append("\" y=\"").append(f(y + 4))
          .append("\" text-anchor=\"start\">").append(tick(t, right.top())).append("</text>\n");
    }
    axisLabel(svg, LEFT - 56, balanceLabel + " (" + unit(left.top()) + ")", "start");
    axisLabel(svg, WIDTH - 8, paidLabel + " (" + unit(right.top()) + ")", "end");
    double band = band(months.size());
    for (int m = 0; m < months.size(); m++) {
      if (paidFen[m] > 0) {
        double yTop = y(paidFen[m], right.top());
        svg.append("<rect x=\"").append(f(LEFT + m * band + band * 0.15)).append("\" y=\"").append(f(yTop))
            .append("\" width=\"").append(f(band * 0.7)).append("\" height=\"").append(f(TOP + PLOT_HEIGHT - yTop))
            .append("\" fill=\"").append(PAID).append("\"><title>").append(Html.escape(months.get(m) + " "
                + paidLabel)).append(": ").append(Yuan.yuan(paidFen[m])).append(" 元</title></rect>\n");
      }
    }
    if (months.size() > 0) {
      svg.append("<polyline fill=\"none\" stroke=\"").append(LINE).append("\" stroke-width=\"2\" points=\"");
      for (int m = 0; m < months.size(); m++) {
        svg.append(m == 0 ? "" : " ").append(f(LEFT + (m + 0.5) * band)).append(',')
            .append(f(y(Math.max(0, balanceFen[m]), left.top())));
      }
      svg.append("\"/>\n");
      for (int m = 0; m < months.size(); m++) {
        svg.append("<circle cx=\"").append(f(LEFT + (m + 0.5) * band)).append("\" cy=\"")
            .append(f(y(Math.max(0, balanceFen[m]), left.top()))).append("\" r=\"3\" fill=\"").append(LINE)
            .append("\"><title>").append(Html.escape(months.get(m) + " " + balanceLabel)).append(": ")
            .append(Yuan.yuan(balanceFen[m])).append(" 元</title></circle>\n");
      }
    }
    monthAxis(svg, months);
    return close(svg);
  }

  /** The colour of the line, for the page's legend. */
  static String lineColor() {
    return LINE;
  }

  /** The colour of the payment bars, for the page's legend. */
  static String paidColor() {
    return PAID;
  }

  // ---- drawing

  private static StringBuilder open(String id, String title, String desc) {
    StringBuilder svg = new StringBuilder(8192);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
        .append("-desc\" font-size=\"11\">\n<title id=\"").append(id).append("-title\">").append(Html.escape(title))
        .append("</title>\n<desc id=\"").append(id).append("-desc\">").append(Html.escape(desc)).append("</desc>\n");
    return svg;
  }

  private static String close(StringBuilder svg) {
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + PLOT_HEIGHT).append("\" x2=\"")
        .append(WIDTH - RIGHT).append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\" stroke=\"").append(AXIS)
        .append("\"/>\n<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
        .append("\" y2=\"").append(TOP + PLOT_HEIGHT).append("\" stroke=\"").append(AXIS).append("\"/>\n</svg>");
    return svg.toString();
  }

  private static void gridLine(StringBuilder svg, double y) {
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(WIDTH - RIGHT)
        .append("\" y2=\"").append(f(y)).append("\" stroke=\"#ddd\"/>\n");
  }

  private static void axisLabel(StringBuilder svg, int x, String text, String anchor) {
    svg.append("<text x=\"").append(x).append("\" y=\"").append(TOP - 4).append("\" text-anchor=\"").append(anchor)
        .append("\" font-weight=\"bold\">").append(Html.escape(text)).append("</text>\n");
  }

  /** Month labels under the bars; with many months every n-th, turned, so they never overlap. */
  private static void monthAxis(StringBuilder svg, List<String> months) {
    double band = band(months.size());
    int every = Math.max(1, (int) Math.ceil(months.size() / 24.0));
    for (int m = 0; m < months.size(); m += every) {
      double x = LEFT + (m + 0.5) * band;
      double y = TOP + PLOT_HEIGHT + 12;
      svg.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" text-anchor=\"end\" transform=\"rotate(-45 ")
          .append(f(x)).append(' ').append(f(y)).append(")\">").append(Html.escape(months.get(m))).append("</text>\n");
    }
  }

  private static double band(int months) {
    return PLOT_WIDTH / (double) Math.max(1, months);
  }

  private static double y(long value, long top) {
    return TOP + PLOT_HEIGHT - PLOT_HEIGHT * (value / (double) top);
  }

  private static String unit(long topFen) {
    return topFen >= Yuan.FEN_PER_WAN ? "万元" : "元";
  }

  /** A money tick in the axis's unit, trailing zeros dropped: 2500000 fen on a 万元 axis → "2.5". */
  private static String tick(long fen, long topFen) {
    BigDecimal v = BigDecimal.valueOf(fen).movePointLeft(topFen >= Yuan.FEN_PER_WAN ? 6 : 2);
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  private static long max(long[] values) {
    long max = 0;
    for (long v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
