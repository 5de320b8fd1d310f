package org.creamlab.reports.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a single-file Allure report in a real browser: a page next to it opens the report at the
 * summary's test result in a same-origin frame, waits until its summary and images are there, and
 * writes what it found (summary text, images, broken images) into its own DOM, which Chromium dumps.
 */
final class ReportPageCheck {

    /**
     * What the browser saw.
     *
     * @param text the summary's visible text (empty when it never appeared)
     * @param images images in the summary
     * @param broken images that did not load ({@code naturalWidth == 0})
     */
    record Seen(String text, int images, int broken) {}

    private static final Pattern EMBEDDED = Pattern.compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([^']*)'\\)");
    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">(\\d+);(\\d+);(.*?)</pre>", Pattern.DOTALL);

    private ReportPageCheck() {}

    /** The uid of the test result named {@code name} in a single-file report. */
    static String uidOf(Path singleFile, String name) throws IOException {
        Matcher m = EMBEDDED.matcher(Files.readString(singleFile, StandardCharsets.UTF_8));
        while (m.find()) {
            String json = new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
            if (json.contains("\"name\":\"" + name + "\"")) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("no test result named '" + name + "' in " + singleFile);
    }

    /** Opens {@code index.html#<route>} in the served folder, in Chromium, and reports what the summary shows. */
    static Seen check(HeadlessChromium chromium, Path folder, String route) throws IOException, InterruptedException {
        Files.writeString(folder.resolve("check.html"), page(route), StandardCharsets.UTF_8);
        try (StaticServer server = new StaticServer(folder)) {
            String dom = chromium.dumpDom(server.url("check.html"));
            Matcher m = RESULT.matcher(dom);
            if (!m.find()) {
                throw new IllegalStateException("the check page wrote no result; DOM:\n" + dom);
            }
            return new Seen(unescape(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } finally {
            Files.deleteIfExists(folder.resolve("check.html"));
        }
    }

    private static String page(String route) {
        return """
                <!DOCTYPE html><html><body><pre id="result">pending</pre>
                <iframe id="report" src="index.html#%s" width="1400" height="1200"></iframe>
                <script>
                var tries = 0;
                function poll() {
                  var doc = document.getElementById('report').contentDocument;
                  var summary = doc && doc.querySelector('.cl-sum');
                  var imgs = summary ? Array.from(summary.querySelectorAll('img')) : [];
                  var settled = summary && imgs.length > 0 && imgs.every(function (i) { return i.complete; });
                  if (settled || ++tries > 60) {
                    var broken = imgs.filter(function (i) { return !i.complete || i.naturalWidth === 0; }).length;
                    document.getElementById('result').textContent =
                        imgs.length + ';' + broken + ';' + (summary ? summary.innerText : '');
                  } else {
                    setTimeout(poll, 100);
                  }
                }
                document.getElementById('report').addEventListener('load', function () { setTimeout(poll, 100); });
                </script></body></html>
                """.formatted(route);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
