package org.fangfanpin.examples.simulation;

import org.fangfanpin.spi.model.AreaCode;

/**
 * One township's totals over the whole simulated run (乡镇汇总), a row of the HTML report's
 * township table. Money in fen.
 *
 * @param township the township's area code
 * @param name the township's name
 * @param households households registered in it
 * @param signals signals received for its households (duplicates counted once)
 * @param casesOpened cases opened
 * @param confirmed cases confirmed by the county
 * @param dismissed cases dismissed
 * @param emergencyCases cases that took the emergency path
 * @param eliminations risks eliminated (cases that entered the gradual exit)
 * @param disbursedFen payments made to its households, reversals not subtracted
 */
public record TownshipFigures(
    AreaCode township,
    String name,
    long households,
    long signals,
    long casesOpened,
    long confirmed,
    long dismissed,
    long emergencyCases,
    long eliminations,
    long disbursedFen) {}
