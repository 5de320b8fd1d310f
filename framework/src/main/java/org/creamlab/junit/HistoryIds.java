package org.creamlab.junit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.creamlab.store.StoredRun;

/**
 * Stable Allure history and test-case ids, one definition for the JUnit recorder
 * ({@link AllureRunRecorder}) and the report builder, so a run's history is the same whether its
 * result came from a test run or from the store.
 */
public final class HistoryIds {

    private HistoryIds() {}

    /** {@code md5("<experiment>|<variant>|seed=<seed>")}. */
    public static String run(String experiment, String variant, long seed) {
        return md5(experiment + "|" + variant + "|seed=" + seed);
    }

    public static String run(StoredRun run) {
        return run(run.experiment(), run.variant(), run.seed());
    }

    /** {@code md5("<experiment>|<variant>")}: the test case, all seeds. */
    public static String testCase(String experiment, String variant) {
        return md5(experiment + "|" + variant);
    }

    public static String testCase(StoredRun run) {
        return testCase(run.experiment(), run.variant());
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
