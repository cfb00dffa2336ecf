package io.cordon.server.report.incident;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.api.v1.AlarmTransition;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.SopOption;
import io.cordon.api.v1.SopOutcome;
import io.cordon.api.v1.SopStep;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.VehicleTimelineTrack;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneId;
import io.cordon.server.report.pdf.FontLocator;
import io.cordon.server.report.pdf.PdfFlow;
import io.cordon.server.report.pdf.ReportFont;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out one incident report as PDF bytes: header and summary with the alarms and their response times against
 * the one-minute target, the map snapshot, the timeline, key frames at each alarm's raising from its linked
 * cameras, operator actions, SOP outcomes and the signature block. Pure rendering: the signature (a digest of
 * the finished bytes) is the desk's job.
 */
public final class IncidentReportRenderer {
  /** Target response time: acknowledge within one minute (issue 9 point 7, guideline §5.2.8). */
  static final Duration RESPONSE_TARGET = Duration.ofMinutes(1);
  static final int MAX_FRAMES = 12;
  static final int MAX_TIMELINE_ROWS = 2000;
  static final double NEAR_GATE_METRES = 80;
  private static final org.locationtech.jts.geom.GeometryFactory POINTS =
      new org.locationtech.jts.geom.GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326);

  private final Park park;
  private final FontLocator fonts;
  private final RecordedFrames frames;

  /**
   * @param fonts finds the CJK TrueType font at each rendering, so a server without it starts and only the report
   *     fails, with a message saying what to install
   */
  public IncidentReportRenderer(Park park, FontLocator fonts, RecordedFrames frames) {
    this.park = park;
    this.fonts = fonts;
    this.frames = frames;
  }

  /** What one report shows. {@code alarms} are the incident's alarms in its order (unknown ones left out). */
  public record Content(Incident incident, Timeline timeline, List<Alarm> alarms, Locale locale, String renderedBy,
      Instant renderedAt) {
    public Content {
      alarms = List.copyOf(alarms);
    }
  }

  /** @throws IllegalStateException when no report font is found (see {@link FontLocator#locate}) */
  public byte[] render(Content c) {
    ReportTexts t = ReportTexts.of(c.locale());
    Path fontFile = fonts.locate();
    try (PDDocument document = new PDDocument(); ReportFont font = ReportFont.open(fontFile, document)) {
      information(document, c, t);
      PdfFlow flow = new PdfFlow(document, font);
      header(flow, c, t);
      summary(flow, c, t);
      map(flow, c, t, font);
      timeline(flow, c, t);
      keyFrames(flow, c, t);
      actions(flow, c, t);
      procedures(flow, c, t);
      signature(flow, c, t);
      Incident i = c.incident();
      flow.finish(t.get("header", t.get("report.title"), i.getId()),
          (page, total) -> t.get("footer", park.name(), i.getId(), page, total));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("the report could not be written", e);
    }
  }

  private static void information(PDDocument document, Content c, ReportTexts t) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(t.get("report.title") + " " + c.incident().getId() + " " + c.incident().getTitle());
    info.setAuthor(c.renderedBy());
    info.setCreator("Cordon");
    info.setSubject(c.incident().getTitle());
    Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ReportTexts.SHOWN_IN));
    when.setTimeInMillis(c.renderedAt().toEpochMilli());
    info.setCreationDate(when);
  }

  private void header(PdfFlow flow, Content c, ReportTexts t) {
    Incident i = c.incident();
    flow.banner(t.get("report.title"), t.get("report.subtitle", park.name()), i.getId());
    flow.text(i.getTitle(), PdfFlow.MARGIN, flow.y() - 16, 16, PdfFlow.INK, true);
    flow.space(26);
    flow.paragraph(t.get("report.kind") + " · " + t.named("status", i.getStatus().name()), 9.5f, PdfFlow.MUTED);
    flow.space(4);
    List<String[]> fields = new ArrayList<>();
    fields.add(new String[] {t.get("field.id"), i.getId()});
    fields.add(new String[] {t.get("field.status"), t.named("status", i.getStatus().name())});
    fields.add(new String[] {t.get("field.window"), t.dateTime(instant(i.getWindowFrom())) + " – "
        + t.time(instant(i.getWindowTo()), instant(i.getWindowFrom()))});
    fields.add(new String[] {t.get("field.renderedAt"), t.dateTime(c.renderedAt())});
    fields.add(new String[] {t.get("field.createdBy"), i.getCreatedBy()});
    fields.add(new String[] {t.get("field.createdAt"), t.dateTime(instant(i.getCreatedAt()))});
    fields.add(new String[] {t.get("field.closedBy"), i.getClosedBy().isEmpty() ? t.get("notClosed") : i.getClosedBy()});
    fields.add(new String[] {t.get("field.closedAt"), i.hasClosedAt() ? t.dateTime(instant(i.getClosedAt())) : "—"});
    fields.add(new String[] {t.get("field.renderedBy"), c.renderedBy()});
    fields.add(new String[] {t.get("field.conclusion"), i.getConclusion().isEmpty() ? "—" : i.getConclusion()});
    flow.fields(fields, 9.5f);
  }

  private void summary(PdfFlow flow, Content c, ReportTexts t) {
    Timeline tl = c.timeline();
    flow.heading(t.get("section.summary"), 40);
    flow.paragraph(t.get("summary.counts", tl.getEntriesCount(), c.alarms().size(), tl.getTracksCount(),
        cameras(c).size()), 9.5f, PdfFlow.INK);
    Map<TimelineLane, Long> byLane = new EnumMap<>(TimelineLane.class);
    for (TimelineEntry e : tl.getEntriesList()) {
      byLane.merge(e.getLane() == TimelineLane.UNRECOGNIZED ? TimelineLane.TIMELINE_LANE_OTHER : e.getLane(), 1L,
          Long::sum);
    }
    if (!byLane.isEmpty()) {
      flow.paragraph(t.get("summary.byLane") + ": " + byLane.entrySet().stream()
          .map(e -> t.named("lane", e.getKey().name()) + " " + e.getValue()).collect(Collectors.joining(" · ")),
          9.5f, PdfFlow.INK);
    }
    flow.space(6);
    flow.text(t.get("section.alarms"), PdfFlow.MARGIN, flow.y() - 11, 11, PdfFlow.ACCENT, true);
    flow.space(17);
    if (c.alarms().isEmpty()) {
      flow.paragraph(t.get("alarms.none"), 9, PdfFlow.MUTED);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    Instant day = instant(c.incident().getWindowFrom());
    for (int n = 0; n < c.alarms().size(); n++) {
      Alarm a = c.alarms().get(n);
      Optional<Duration> response = response(a);
      String target = response.map(r -> r.compareTo(RESPONSE_TARGET) <= 0 ? t.get("target.met") : t.get("target.missed"))
          .orElse(t.get("target.pending"));
      String verdict = t.named("verdict", a.getVerdict().name());
      rows.add(List.of(Integer.toString(n + 1), a.getAlarmId(), t.named("type", a.getType().name())
              + (verdict.isEmpty() ? "" : " · " + verdict), t.named("severity", a.getSeverity().name()), place(a.getLocation(), t),
          t.time(instant(a.getRaisedAt()), day), closedAt(a).map(at -> t.time(at, day)).orElse("—"),
          response.map(t::duration).orElse("—"), target));
    }
    flow.table(new float[] {0.35f, 1.5f, 1.3f, 0.7f, 1.7f, 1f, 1f, 0.9f, 0.9f},
        List.of("#", t.get("alarm.id"), t.get("alarm.type"), t.get("alarm.severity"), t.get("alarm.place"),
            t.get("alarm.raised"), t.get("alarm.closed"), t.get("alarm.response"), t.get("alarm.target")),
        rows, 8.5f);
  }

  private void map(PdfFlow flow, Content c, ReportTexts t, ReportFont font) {
    List<ParkPlanSnapshot.Marker> markers = new ArrayList<>();
    for (int n = 0; n < c.alarms().size(); n++) {
      AlarmLocation l = c.alarms().get(n).getLocation();
      if (l.hasPoint()) {
        markers.add(new ParkPlanSnapshot.Marker(Integer.toString(n + 1), l.getPoint().getLon(), l.getPoint().getLat()));
      }
    }
    List<ParkPlanSnapshot.Track> tracks = new ArrayList<>();
    for (VehicleTimelineTrack track : c.timeline().getTracksList()) {
      tracks.add(new ParkPlanSnapshot.Track(track.getPlate(), track.getPointsList().stream()
          .map(p -> new double[] {p.getPosition().getLon(), p.getPosition().getLat()}).toList()));
    }
    BufferedImage image = new ParkPlanSnapshot(park, 1800, 1120, font::awt).draw(markers, tracks, t);
    // on the first page when a good size still fits there, else at full width on the next
    float available = flow.remaining() - 36 - 28;
    float maxHeight = available >= 220 ? Math.min(440, available) : 440;
    flow.heading(t.get("section.map"), Math.min(maxHeight, flow.width() * image.getHeight() / image.getWidth()) + 24);
    try {
      PDImageXObject pdfImage = LosslessFactory.createFromImage(flow.document(), image);
      flow.image(pdfImage, flow.width(), maxHeight, t.get("map.caption"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void timeline(PdfFlow flow, Content c, ReportTexts t) {
    flow.heading(t.get("section.timeline"), 60);
    List<TimelineEntry> entries = c.timeline().getEntriesList();
    if (entries.isEmpty()) {
      flow.paragraph(t.get("timeline.empty"), 9, PdfFlow.MUTED);
      return;
    }
    if (entries.size() > MAX_TIMELINE_ROWS || c.timeline().getTruncated()) {
      flow.paragraph(t.get("summary.truncated", Math.min(entries.size(), MAX_TIMELINE_ROWS)), 8.5f, PdfFlow.MUTED);
    }
    Instant day = instant(c.incident().getWindowFrom());
    List<List<String>> rows = new ArrayList<>();
    for (TimelineEntry e : entries.subList(0, Math.min(entries.size(), MAX_TIMELINE_ROWS))) {
      rows.add(List.of(t.time(instant(e.getEvent().getTime()), day), t.named("lane", e.getLane().name()),
          t.eventName(e.getEvent()), t.eventSentence(e.getEvent()), subjects(e.getEvent().getSubjectsList())));
    }
    flow.table(new float[] {0.9f, 0.65f, 1.35f, 3.2f, 1.9f},
        List.of(t.get("timeline.time"), t.get("timeline.lane"), t.get("timeline.type"), t.get("timeline.summary"),
            t.get("timeline.subjects")), rows, 8f);
  }

  private void keyFrames(PdfFlow flow, Content c, ReportTexts t) {
    flow.heading(t.get("section.frames"), 180);
    List<Shot> shots = shots(c);
    if (shots.isEmpty()) {
      flow.paragraph(t.get("frames.noCameras"), 9, PdfFlow.MUTED);
      return;
    }
    flow.paragraph(t.get("frames.intro"), 9, PdfFlow.MUTED);
    flow.space(4);
    List<PDImageXObject> images = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Shot shot : shots) {
      Optional<byte[]> jpeg = frames.jpegAt(shot.cameraId(), shot.at());
      PDImageXObject image = null;
      if (jpeg.isPresent()) {
        try {
          image = JPEGFactory.createFromByteArray(flow.document(), jpeg.get());
        } catch (IOException | IllegalArgumentException e) {
          image = null;
        }
      }
      images.add(image);
      captions.add(t.get("frames.caption", cameraName(shot.cameraId()), shot.alarmId(), t.dateTime(shot.at())));
      missing.add(t.get("frames.none"));
    }
    flow.imageGrid(images, captions, missing, 2, 170);
  }

  private record Shot(String cameraId, String alarmId, Instant at) {}

  /** One frame per linked camera at its alarm's raising; cameras linked by the timeline only at the first alarm. */
  private static List<Shot> shots(Content c) {
    List<Shot> shots = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Alarm a : c.alarms()) {
      for (String camera : alarmCameras(a)) {
        if (shots.size() < MAX_FRAMES && seen.add(camera + "@" + a.getAlarmId())) {
          shots.add(new Shot(camera, a.getAlarmId(), instant(a.getRaisedAt())));
        }
      }
    }
    Set<String> shown = shots.stream().map(Shot::cameraId).collect(Collectors.toSet());
    Instant at = c.alarms().isEmpty() ? instant(c.incident().getWindowFrom()) : instant(c.alarms().get(0).getRaisedAt());
    String alarmId = c.alarms().isEmpty() ? "—" : c.alarms().get(0).getAlarmId();
    for (String camera : c.timeline().getCameraIdsList()) {
      if (shots.size() < MAX_FRAMES && shown.add(camera)) {
        shots.add(new Shot(camera, alarmId, at));
      }
    }
    return shots;
  }

  private static Set<String> alarmCameras(Alarm a) {
    Set<String> cameras = new LinkedHashSet<>();
    if (!a.getLocation().getCameraId().isEmpty()) {
      cameras.add(a.getLocation().getCameraId());
    }
    cameras.addAll(a.getLinkedCameraIdsList());
    return cameras;
  }

  private static Set<String> cameras(Content c) {
    Set<String> cameras = new LinkedHashSet<>();
    c.alarms().forEach(a -> cameras.addAll(alarmCameras(a)));
    cameras.addAll(c.timeline().getCameraIdsList());
    return cameras;
  }

  private record Action(Instant at, String user, String action, String subject, String note) {}

  private void actions(PdfFlow flow, Content c, ReportTexts t) {
    flow.heading(t.get("section.actions"), 60);
    List<Action> actions = new ArrayList<>();
    for (Alarm a : c.alarms()) {
      for (AlarmTransition tr : a.getHistoryList()) {
        if (!tr.getAction().equals("repeat")) {
          // an operator's own report is raised by the center ("system") on the operator's behalf
          String by = tr.getAction().equals("raised") && a.getSourceKind().equals("user") ? a.getSourceId() : tr.getBy();
          actions.add(new Action(instant(tr.getAt()), by, t.named("action", tr.getAction()), a.getAlarmId(),
              note(a, tr, t)));
        }
      }
    }
    for (TimelineEntry e : c.timeline().getEntriesList()) {
      if (e.getEvent().getType().startsWith("alarm.")) {
        continue; // the alarms' own history says it with the operator's name
      }
      Optional<String> user = e.getEvent().getSubjectsList().stream().filter(s -> s.getKind().equals("user"))
          .map(SubjectRef::getId).findFirst();
      if (user.isPresent() || e.getLane() == TimelineLane.TIMELINE_LANE_OPERATOR) {
        actions.add(new Action(instant(e.getEvent().getTime()), user.orElse("—"), t.eventName(e.getEvent()),
            subjects(e.getEvent().getSubjectsList().stream().filter(s -> !s.getKind().equals("user")).toList()),
            t.eventSentence(e.getEvent())));
      }
    }
    if (actions.isEmpty()) {
      flow.paragraph(t.get("actions.empty"), 9, PdfFlow.MUTED);
      return;
    }
    actions.sort(Comparator.comparing(Action::at));
    Instant day = instant(c.incident().getWindowFrom());
    flow.table(new float[] {0.9f, 0.9f, 1.3f, 1.4f, 3f},
        List.of(t.get("actions.time"), t.get("actions.user"), t.get("actions.action"), t.get("actions.subject"),
            t.get("actions.note")),
        actions.stream().map(a -> List.of(t.time(a.at(), day), a.user(), a.action(), a.subject(), a.note())).toList(),
        8.5f);
  }

  private void procedures(PdfFlow flow, Content c, ReportTexts t) {
    flow.heading(t.get("section.sop"), 60);
    boolean any = false;
    Instant day = instant(c.incident().getWindowFrom());
    for (Alarm a : c.alarms()) {
      if (a.getSop().getStepsCount() == 0) {
        continue;
      }
      any = true;
      flow.ensure(60);
      flow.paragraph(t.get("sop.alarm", a.getAlarmId(), t.named("type", a.getType().name()), a.getSop().getSopId()),
          9.5f, PdfFlow.ACCENT);
      List<List<String>> rows = new ArrayList<>();
      Set<String> path = takenPath(a);
      for (SopStep step : a.getSop().getStepsList()) {
        List<SopOutcome> outcomes = a.getSop().getOutcomesList().stream()
            .filter(o -> o.getStepId().equals(step.getStepId())).toList();
        String text = t.english() && !step.getTextEn().isEmpty() ? step.getTextEn() : step.getTextZh();
        if (outcomes.isEmpty()) {
          rows.add(List.of(text, step.getMandatory() ? t.get("sop.yes") : t.get("sop.no"),
              path.contains(step.getStepId()) ? t.get("sop.pending") : t.get("sop.otherBranch"), "", ""));
        }
        for (SopOutcome o : outcomes) {
          rows.add(List.of(text, step.getMandatory() ? t.get("sop.yes") : t.get("sop.no"), outcome(step, o, t), o.getBy(),
              t.time(instant(o.getAt()), day)));
        }
      }
      flow.table(new float[] {3.5f, 0.75f, 2f, 0.9f, 0.9f},
          List.of(t.get("sop.step"), t.get("sop.mandatory"), t.get("sop.outcome"), t.get("sop.by"), t.get("sop.at")),
          rows, 8.5f);
      flow.paragraph(a.getSop().getMandatoryDone() ? t.get("sop.complete") : t.get("sop.incomplete"), 8.5f,
          PdfFlow.MUTED);
      flow.space(4);
    }
    if (!any) {
      flow.paragraph(t.get("sop.empty"), 9, PdfFlow.MUTED);
    }
  }

  /**
   * The steps on the path the answers took: from the first step along each plain step's next and each answered
   * question's chosen option, up to the first unanswered question (which is on the path; what follows is not yet).
   */
  static Set<String> takenPath(Alarm a) {
    Map<String, SopStep> steps = a.getSop().getStepsList().stream()
        .collect(Collectors.toMap(SopStep::getStepId, s -> s, (x, y) -> x));
    Set<String> path = new LinkedHashSet<>();
    String next = a.getSop().getStepsCount() == 0 ? "" : a.getSop().getSteps(0).getStepId();
    while (!next.isEmpty() && steps.containsKey(next) && path.add(next)) {
      SopStep step = steps.get(next);
      if (step.getOptionsCount() == 0) {
        next = step.getNextStepId();
        continue;
      }
      String id = step.getStepId();
      Optional<String> answer = a.getSop().getOutcomesList().stream()
          .filter(o -> o.getStepId().equals(id) && !o.getSkipped()).map(SopOutcome::getAnswerId).reduce((x, y) -> y);
      if (answer.isEmpty()) {
        boolean skipped = a.getSop().getOutcomesList().stream().anyMatch(o -> o.getStepId().equals(id));
        next = skipped ? step.getNextStepId() : "";
        continue;
      }
      next = step.getOptionsList().stream().filter(o -> o.getAnswerId().equals(answer.get()))
          .map(SopOption::getNextStepId).findFirst().orElse("");
    }
    return path;
  }

  /** A transition's note; for SOP answers ("step=answer") the step's text and the answer in words. */
  private static String note(Alarm a, AlarmTransition tr, ReportTexts t) {
    if (tr.getAction().equals("raised") && tr.getNote().isEmpty()) {
      return a.getDetail();
    }
    int eq = tr.getNote().indexOf('=');
    if (!tr.getAction().equals("sop_answer") || eq < 0) {
      return tr.getNote();
    }
    String stepId = tr.getNote().substring(0, eq);
    String answerId = tr.getNote().substring(eq + 1).trim();
    return a.getSop().getStepsList().stream().filter(s -> s.getStepId().equals(stepId)).findFirst()
        .map(step -> (t.english() && !step.getTextEn().isEmpty() ? step.getTextEn() : step.getTextZh()) + " → "
            + outcome(step, SopOutcome.newBuilder().setStepId(stepId).setAnswerId(answerId).build(), t))
        .orElse(tr.getNote());
  }

  private static String outcome(SopStep step, SopOutcome o, ReportTexts t) {
    if (o.getSkipped()) {
      return t.get("sop.skipped", o.getReason());
    }
    if (o.getAnswerId().equals("done") || step.getOptionsCount() == 0) {
      return t.get("sop.done");
    }
    for (SopOption option : step.getOptionsList()) {
      if (option.getAnswerId().equals(o.getAnswerId())) {
        return t.get("sop.answered", t.english() && !option.getTextEn().isEmpty() ? option.getTextEn()
            : option.getTextZh());
      }
    }
    return t.get("sop.answered", o.getAnswerId());
  }

  private void signature(PdfFlow flow, Content c, ReportTexts t) {
    flow.heading(t.get("section.signature"), 70);
    flow.paragraph(t.get("signature.text", c.renderedBy(), t.dateTime(c.renderedAt())), 9, PdfFlow.INK);
    flow.space(22);
    flow.paragraph(t.get("signature.line"), 10, PdfFlow.INK);
  }

  /** Rough metres between two WGS-84 points (equirectangular; fine over a park). */
  private static double metres(org.locationtech.jts.geom.Point a, org.locationtech.jts.geom.Point b) {
    double kx = 111_320 * Math.cos(Math.toRadians(a.getY()));
    return Math.hypot((a.getX() - b.getX()) * kx, (a.getY() - b.getY()) * 110_540);
  }

  private String place(AlarmLocation l, ReportTexts t) {
    List<String> parts = new ArrayList<>();
    if (!l.getZoneId().isEmpty()) {
      parts.add(park.zone(new ZoneId(l.getZoneId())).map(z -> z.name()).orElse(l.getZoneId()));
    }
    if (!l.getGateId().isEmpty()) {
      parts.add(park.gate(new GateId(l.getGateId())).map(g -> g.name()).orElse(l.getGateId()));
    }
    if (!l.getSegmentId().isEmpty()) {
      parts.add(l.getSegmentId());
    }
    if (l.hasPoint()) {
      org.locationtech.jts.geom.Point point = POINTS.createPoint(
          new org.locationtech.jts.geom.Coordinate(l.getPoint().getLon(), l.getPoint().getLat()));
      if (l.getZoneId().isEmpty()) {
        park.zoneAt(point).ifPresent(z -> parts.add(z.name()));
      }
      if (l.getGateId().isEmpty()) {
        park.gates().stream().filter(g -> metres(g.position(), point) <= NEAR_GATE_METRES)
            .min(Comparator.comparingDouble(g -> metres(g.position(), point)))
            .ifPresent(g -> parts.add(t.get("place.near", g.name())));
      }
    }
    if (parts.isEmpty() && l.hasPoint()) {
      parts.add(String.format(Locale.ROOT, "%.5f, %.5f", l.getPoint().getLon(), l.getPoint().getLat()));
    }
    return String.join(" · ", parts);
  }

  private String cameraName(String cameraId) {
    return park.camera(new io.cordon.domain.park.CameraId(cameraId)).map(cam -> cam.name() + " (" + cameraId + ")")
        .orElse(cameraId);
  }

  /** From raising to the first acknowledgement (by an operator or, for info alarms, the system). */
  static Optional<Duration> response(Alarm a) {
    return a.getHistoryList().stream()
        .filter(tr -> tr.getAction().equals("acknowledge") || tr.getAction().equals("auto_acknowledge"))
        .findFirst().map(tr -> Duration.between(instant(a.getRaisedAt()), instant(tr.getAt())));
  }

  static Optional<Instant> closedAt(Alarm a) {
    return a.getHistoryList().stream().filter(tr -> tr.getAction().equals("close")).reduce((x, y) -> y)
        .map(tr -> instant(tr.getAt()));
  }

  private static String subjects(List<SubjectRef> subjects) {
    return subjects.stream().map(s -> s.getKind() + ":" + s.getId()).collect(Collectors.joining(", "));
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
