/**
 * The {@code fangfanpin} command-line tool (命令行工具): picocli commands over register files, a
 * thin shell around the library's assessment.
 */
package org.fangfanpin.examples.cli;
