package org.fangfanpin.examples.simulation;

/**
 * Escaping for text placed in HTML and inline SVG (HTML 转义). Covers element content and quoted
 * attribute values alike, so one call is right in both places.
 */
final class Html {

  private Html() {}

  /** The text with {@code & < > " '} replaced by character references. */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      String ref = switch (text.charAt(i)) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (ref != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (ref != null) {
          out.append(ref);
        } else {
          out.append(text.charAt(i));
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
