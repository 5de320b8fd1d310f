package org.creamlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

    @Test
    void linesTakesTheFirstIntegerOnly() {
        assertEquals(1, Scoring.firstInteger("The REGISTER_CONTENT is <4217>.", "4217"));
        assertEquals(1, Scoring.firstInteger("04217 then 99", "4217"), "compared as integers");
        // the expected number appears only later in the output: the published scorer says wrong
        assertEquals(0, Scoring.firstInteger("line 12 has 4217", "4217"));
        assertEquals(0, Scoring.firstInteger("no number here", "4217"));
        assertEquals(0, Scoring.firstInteger("42171", "4217"));
        assertEquals(0, Scoring.firstInteger("", "4217"));
    }

    @Test
    void kvIsACaseInsensitiveSubstringMatch() {
        assertEquals(1, Scoring.substringIgnoreCase("the value is BAKO.", "bako"));
        assertEquals(1, Scoring.substringIgnoreCase("xbakox", "bako"), "substring, as published");
        assertEquals(0, Scoring.substringIgnoreCase("bak o", "bako"));
    }

    @Test
    void needleAndPasskeyUseRulersStringMatchAll() {
        assertEquals(1, Scoring.score("needle", "It is 4217, I think", "4217"));
        assertEquals(1, Scoring.score("passkey", "Pass key: 4217 4217", "4217"));
        assertEquals(0, Scoring.score("passkey", "42 17", "4217"));
        assertEquals(0.5, Scoring.stringMatchAll("alpha and gamma", List.of("Alpha", "beta")));
        assertEquals(1, Scoring.score("lines", "4217 is the number 1", "4217"));
        assertEquals(0, Scoring.score("kv", "fodi", "bako"));
        assertThrows(IllegalArgumentException.class, () -> Scoring.score("qa", "x", "y"));
    }
}
