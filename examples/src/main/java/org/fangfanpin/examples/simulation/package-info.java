/**
 * The county simulation (县域模拟): a seeded, month-by-month run of a whole county through the
 * library, and the reports it writes (report.json, report.html, the XLSX forms).
 */
package org.fangfanpin.examples.simulation;
