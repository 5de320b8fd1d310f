package org.creamlab.positions.cream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void matchesReferenceValues() {
        // reference values of the standard normal CDF and erf (to 16 significant digits)
        assertEquals(0.5, StandardNormal.cdf(0), 1e-15);
        assertEquals(0.8413447460685429, StandardNormal.cdf(1), 1e-14);
        assertEquals(0.022750131948179195, StandardNormal.cdf(-2), 1e-14);
        assertEquals(0.9986501019683699, StandardNormal.cdf(3), 1e-14);
        assertEquals(0.8427007929497149, StandardNormal.erf(1), 1e-14);
        assertEquals(0.9999779095030014, StandardNormal.erf(3), 1e-14);
        assertEquals(-0.9953222650189527, StandardNormal.erf(-2), 1e-14);
    }

    @Test
    void isContinuousWhereTheMethodSwitches() {
        assertEquals(StandardNormal.erf(2.5 - 1e-12), StandardNormal.erf(2.5), 1e-13);
        assertEquals(0.9995930479825550, StandardNormal.erf(2.5), 1e-14);
    }
}
