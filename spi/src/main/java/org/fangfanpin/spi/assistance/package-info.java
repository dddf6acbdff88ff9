/**
 * Assistance (帮扶): the one plan per household (一户一策) of measures, the responsible cadres, grid
 * workers' weekly visits, and monthly follow-ups (跟踪回访).
 */
@FangFanPinStyle
package org.fangfanpin.spi.assistance;

import org.fangfanpin.spi.FangFanPinStyle;
