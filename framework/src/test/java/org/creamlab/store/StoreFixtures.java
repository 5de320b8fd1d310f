package org.creamlab.store;

import java.nio.file.Path;
import java.util.Properties;
import org.creamlab.config.Settings;

/** Settings for a throw-away H2 file store in a test's temporary folder. */
final class StoreFixtures {

    private StoreFixtures() {}

    static Settings settings(Path dir) {
        Properties p = new Properties();
        p.setProperty("creamlab.root", dir.toString());
        p.setProperty("db.url", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE");
        return Settings.from(p);
    }

    static Provenance provenance() {
        return new Provenance("abc123", false, "17", "0.36.0", "2.7.1", "test-host", "cpu()", 1);
    }
}
