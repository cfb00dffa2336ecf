package io.cordon.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The installed server's log configuration (installer/server/logback-rolling.xml, as the package
 * ships it) rolls its file over by size into gzipped archives, so /var/log/cordon cannot fill up
 * with one file. The size limit is lowered for the test; everything else is the shipped file.
 */
class LogRotationTest {

  private static final Path SHIPPED = Path.of("../../installer/server/logback-rolling.xml");

  @TempDir
  Path logs;

  @Test
  void theServersLogRollsOverBySizeIntoGzippedArchives() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // as logback's own start-up does
    context.putProperty("cordon.log.dir", logs.toString());
    context.putProperty("cordon.log.max-file-size", "2KB");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(SHIPPED.toFile());
    Logger log = context.getLogger("io.cordon.server.CordonServer");
    for (int i = 0; i < 300; i++) {
      log.info("position pipeline: received={} stored={} — a line of about a hundred characters", i * 20, i * 20);
      if (i % 10 == 9) {
        // logback looks at the file's size at most every 60 ms (checkIncrement): a burst faster than that
        // rolls over only once or twice, whatever its size, so the lines come as a busy server's would
        Thread.sleep(25);
      }
    }
    context.stop();

    List<Path> files;
    try (Stream<Path> listed = Files.list(logs)) {
      files = listed.toList();
    }
    assertThat(files).anyMatch(p -> p.getFileName().toString().equals("cordon-server.log"));
    assertThat(files).filteredOn(p -> p.getFileName().toString().matches("cordon-server\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.log\\.gz"))
        .as("files: %s", files).hasSizeGreaterThanOrEqualTo(5);
    assertThat(Files.size(logs.resolve("cordon-server.log"))).isLessThan(8 * 1024);
  }
}
