package org.creamlab.experiments.study;

/**
 * How full-length rows (rows of L, {@code rows} corpus) may hold one task sample spanning the row
 * ({@link org.creamlab.data.LongDocumentGenerator#spanning}) instead of short episodes, so that
 * evidence-to-answer distances up to L are trained; rows of N are never affected.
 *
 * @param share the share of full-length rows that span, in [0, 1]
 * @param kvQuestions how many questions a spanning key-value record is asked, at least 1
 * @param linesQuestions how many questions a spanning LongChat-Lines record is asked, at least 1
 */
record SpanningRows(double share, int kvQuestions, int linesQuestions) {

    /** No spanning rows: every full-length row is episodes. */
    static final SpanningRows NONE = new SpanningRows(0, 1, 1);

    SpanningRows {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("setting 'fullSpanShare': must be in [0, 1], got " + share);
        }
        if (kvQuestions < 1) {
            throw new IllegalArgumentException("setting 'fullSpanQuestions': must be >= 1, got " + kvQuestions);
        }
        if (linesQuestions < 1) {
            throw new IllegalArgumentException("setting 'fullSpanLinesQuestions': must be >= 1, got " + linesQuestions);
        }
    }
}
