package org.creamlab.reports.allure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.creamlab.store.StoredRun;

/**
 * Stable Allure history and test-case ids, equal to those the JUnit recorder
 * ({@code AllureRunRecorder}) sets, so a run's history is the same whether its result came from a
 * test run or from the store.
 */
public final class HistoryIds {

    private HistoryIds() {}

    /** {@code md5("<experiment>|<variant>|seed=<seed>")}. */
    public static String run(StoredRun run) {
        return md5(run.experiment() + "|" + run.variant() + "|seed=" + run.seed());
    }

    /** {@code md5("<experiment>|<variant>")}: the test case, all seeds. */
    public static String testCase(StoredRun run) {
        return md5(run.experiment() + "|" + run.variant());
    }

    /** {@code md5("<experiment>|summary")}. */
    public static String summary(String experiment) {
        return md5(experiment + "|summary");
    }

    public static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
