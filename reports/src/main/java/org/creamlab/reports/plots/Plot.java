package org.creamlab.reports.plots;

/**
 * A rendered chart.
 *
 * @param name short name, also the attachment name, e.g. {@code accuracy vs length}
 * @param png the PNG bytes
 */
public record Plot(String name, byte[] png) {}
