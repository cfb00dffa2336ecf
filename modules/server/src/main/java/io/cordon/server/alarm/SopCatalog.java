package io.cordon.server.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.Sop;
import io.cordon.domain.alarm.Sop.SopOption;
import io.cordon.domain.alarm.Sop.SopStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard operating procedures per alarm type, read from {@code sops.json} (the reference
 * proposal's emergency procedures, zh + en). Every type gets one: types no procedure names get the
 * procedure marked {@code "default": true}.
 *
 * <pre>
 * {"sops": [{"id": "…", "default": false, "types": ["PERIMETER_INTRUSION", …],
 *            "steps": [{"id": "…", "zh": "…", "en": "…", "mandatory": true, "next": "…",
 *                       "options": [{"id": "yes", "zh": "是", "en": "Yes", "next": "…"}]}]}]}
 * </pre>
 */
public final class SopCatalog {

  static final String RESOURCE = "sops.json";

  private final Map<AlarmType, Sop> byType;
  private final List<Sop> all;

  private SopCatalog(Map<AlarmType, Sop> byType, List<Sop> all) {
    this.byType = byType;
    this.all = all;
  }

  /** The catalog shipped with the server. */
  public static SopCatalog bundled() {
    try (InputStream in = SopCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses a catalog; a broken one (unknown step, missing default, unknown type) is refused. */
  public static SopCatalog parse(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    Map<AlarmType, Sop> byType = new EnumMap<>(AlarmType.class);
    List<Sop> all = new ArrayList<>();
    Sop fallback = null;
    for (JsonNode node : root.path("sops")) {
      Sop sop = new Sop(text(node, "id"), steps(node.path("steps")));
      all.add(sop);
      for (JsonNode type : node.path("types")) {
        if (byType.put(AlarmType.valueOf(type.asText()), sop) != null) {
          throw new IllegalArgumentException("type " + type.asText() + " has two procedures");
        }
      }
      if (node.path("default").asBoolean(false)) {
        fallback = sop;
      }
    }
    if (fallback == null) {
      throw new IllegalArgumentException("no procedure is marked \"default\"");
    }
    for (AlarmType type : AlarmType.values()) {
      byType.putIfAbsent(type, fallback);
    }
    return new SopCatalog(byType, List.copyOf(all));
  }

  public Sop forType(AlarmType type) {
    return byType.get(type);
  }

  public Optional<Sop> byId(String id) {
    return all.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public List<Sop> all() {
    return all;
  }

  private static List<SopStep> steps(JsonNode steps) {
    List<SopStep> list = new ArrayList<>();
    for (JsonNode step : steps) {
      List<SopOption> options = new ArrayList<>();
      for (JsonNode option : step.path("options")) {
        options.add(new SopOption(text(option, "id"), text(option, "zh"), text(option, "en"), optional(option, "next")));
      }
      list.add(new SopStep(text(step, "id"), text(step, "zh"), text(step, "en"), step.path("mandatory").asBoolean(false),
          options, optional(step, "next")));
    }
    return list;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("missing \"" + field + "\" in " + node);
    }
    return value.asText();
  }

  private static Optional<String> optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
  }
}
