package org.evalnas.runtime.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser: headless Chromium (Debian's, which .ci/run installs) opens a
 * copy with a probe script that records, after the page loaded, whether each image decoded
 * and its natural size.
 */
@Tag("slow")
class ChromiumReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  @Test
  void everyImageOfTheReportLoadsInABrowser() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
    Path out = HtmlReportTest.run(dir);
    String html = Files.readString(out.resolve("report.html"));
    String probe =
        "<script>window.addEventListener('load', () => document.body.setAttribute('data-images',"
            + " Array.from(document.images).map(i => (i.complete ? i.naturalWidth + 'x' + i.naturalHeight : 'pending')).join(' ')));</script>";
    Path page = dir.resolve("probe.html");
    Files.writeString(page, html.replace("</body>", probe + "</body>"));
    Process p =
        new ProcessBuilder(
                CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=10000", "--dump-dom",
                page.toUri().toString())
            .redirectError(dir.resolve("chromium.log").toFile())
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Matcher m = Pattern.compile("data-images=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("the probe ran; chromium said: %s", Files.readString(dir.resolve("chromium.log"))).isTrue();
    List<String> sizes = Arrays.asList(m.group(1).split(" "));
    assertThat(sizes).hasSize(3).allMatch(s -> s.equals(HtmlReport.WIDTH + "x" + HtmlReport.HEIGHT));
  }
}
