/** Working days (工作日): the calendar port deadlines are counted on. */
package org.fangfanpin.spi.time;
