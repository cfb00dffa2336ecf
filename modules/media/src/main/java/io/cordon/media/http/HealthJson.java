package io.cordon.media.http;

import io.cordon.media.pull.PullHealth;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /health}: {@code {"pulls":[{"camera":"c1","profile":"main","state":"live","reason":null,
 * "fps":25.0,"bitrateBps":1000000,"lastDataAt":"2026-...Z","restarts":0,"viewers":2,
 * "standby":false}]}}. A standby pull runs with no viewer, so an alarm's call-up joins it at once.
 */
public final class HealthJson {
  private HealthJson() {}

  public static String of(List<PullHealth> pulls) {
    StringBuilder b = new StringBuilder("{\"pulls\":[");
    for (int i = 0; i < pulls.size(); i++) {
      PullHealth h = pulls.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"camera\":").append(str(h.cameraId()))
          .append(",\"profile\":").append(str(h.profile().urlName()))
          .append(",\"state\":").append(str(h.state().name().toLowerCase(Locale.ROOT)))
          .append(",\"reason\":").append(h.reason().map(HealthJson::str).orElse("null"))
          .append(",\"fps\":").append(String.format(Locale.ROOT, "%.1f", h.fps()))
          .append(",\"bitrateBps\":").append(h.bitrateBps())
          .append(",\"lastDataAt\":").append(h.lastDataAt().map(t -> str(t.toString())).orElse("null"))
          .append(",\"restarts\":").append(h.restarts())
          .append(",\"viewers\":").append(h.viewers())
          .append(",\"standby\":").append(h.standby())
          .append('}');
    }
    return b.append("]}").toString();
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
