package io.cordon.client.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.CameraWithoutClip;
import io.cordon.api.v1.ExportIncidentClipsRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentStatus;
import io.cordon.client.timeline.FakeTimelineServer;
import io.cordon.client.timeline.TimelineErrors;
import io.cordon.client.timeline.UiQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents against an IncidentService on a loopback port. */
class IncidentsViewModelTest {
  private final FakeTimelineServer server = new FakeTimelineServer();
  private final UiQueue ui = new UiQueue();
  private final IncidentsViewModel vm = new IncidentsViewModel(server.incidentClient, ui);

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  private Incident created(String title, String... alarms) {
    vm.titleProperty().set(title);
    vm.useAlarms(List.of(alarms));
    vm.createCommand().execute();
    ui.runNext();
    return vm.selectedProperty().get();
  }

  @Test
  void anIncidentNeedsATitle() {
    vm.useAlarms(List.of("A-000012"));
    vm.titleProperty().set("   ");

    assertThat(vm.createValidationProperty().get()).isEqualTo(IncidentsViewModel.ERROR_TITLE);
    assertThat(vm.createCommand().isExecutable()).isFalse();
  }

  @Test
  void aTitleOfMoreThanTwoHundredCharactersIsRefused() {
    vm.useAlarms(List.of("A-000012"));
    vm.titleProperty().set("危".repeat(201));

    assertThat(vm.createValidationProperty().get()).isEqualTo(IncidentsViewModel.ERROR_TITLE_LONG);
    vm.titleProperty().set("危".repeat(200));
    assertThat(vm.createValidationProperty().get()).isEmpty();
  }

  @Test
  void anIncidentNeedsAnAlarm() {
    vm.titleProperty().set("G3 危化品车辆超速");

    assertThat(vm.createValidationProperty().get()).isEqualTo(IncidentsViewModel.ERROR_NO_ALARMS);
  }

  @Test
  void creatingSendsTitleAndAlarmsAndSelectsTheNewIncident() {
    Incident incident = created("G3 危化品车辆超速", "A-000012", "A-000013");

    assertThat(server.createRequests).singleElement().satisfies(r -> {
      assertThat(r.getTitle()).isEqualTo("G3 危化品车辆超速");
      assertThat(r.getAlarmIdsList()).containsExactly("A-000012", "A-000013");
      assertThat(r.getRequestId()).isNotBlank();
    });
    assertThat(incident.getId()).isEqualTo("INC-20240501-001");
    assertThat(vm.incidents()).containsExactly(incident);
    assertThat(vm.titleProperty().get()).isEmpty();
    assertThat(vm.alarmIds()).isEmpty();
  }

  @Test
  void aRefusedCreateNamesTheFieldAndIsRepeatedWithTheSameRequestId() {
    server.refuseField = "alarm_ids[0]";
    vm.titleProperty().set("G3 危化品车辆超速");
    vm.useAlarms(List.of("A-999999"));
    vm.createCommand().execute();
    ui.runNext();

    assertThat(vm.errorKeyProperty().get()).isEqualTo(TimelineErrors.INVALID);
    assertThat(vm.errorDetailProperty().get()).isEqualTo("alarm_ids[0]: is unknown");

    server.refuseField = null;
    vm.createCommand().execute();
    ui.runNext();
    assertThat(server.createRequests).hasSize(2);
    assertThat(server.createRequests.get(1).getRequestId()).isEqualTo(server.createRequests.get(0).getRequestId());
  }

  @Test
  void theAlarmsOfAGroupStartTheIncidentTogether() {
    List<Alarm> known = List.of(
        Alarm.newBuilder().setAlarmId("A-000013").setIncidentId("A-000012").build(),
        Alarm.newBuilder().setAlarmId("A-000012").setIncidentId("A-000012").build(),
        Alarm.newBuilder().setAlarmId("A-000020").build());

    assertThat(IncidentsViewModel.alarmsToGroup("A-000013", known)).containsExactly("A-000013", "A-000012");
    assertThat(IncidentsViewModel.alarmsToGroup("A-000020", known)).containsExactly("A-000020");
  }

  @Test
  void alarmsAreAddedToTheSelectedOpenIncident() {
    created("G3 危化品车辆超速", "A-000012");

    vm.useAlarms(List.of("A-000014"));
    vm.addAlarmsCommand().execute();
    ui.runNext();

    assertThat(vm.selectedProperty().get().getAlarmIdsList()).containsExactly("A-000012", "A-000014");
  }

  @Test
  void closingNeedsAConclusion() {
    created("G3 危化品车辆超速", "A-000012");

    assertThat(vm.closeValidationProperty().get()).isEqualTo(IncidentsViewModel.ERROR_CONCLUSION);
    vm.conclusionProperty().set("司机已教育，车辆限速行驶");
    vm.closeCommand().execute();
    ui.runNext();

    assertThat(server.closeRequests).singleElement()
        .satisfies(r -> assertThat(r.getConclusion()).isEqualTo("司机已教育，车辆限速行驶"));
    assertThat(vm.selectedProperty().get().getStatus()).isEqualTo(IncidentStatus.INCIDENT_STATUS_CLOSED);
    assertThat(vm.closeCommand().isExecutable()).isFalse();
  }

  @Test
  void theReportIsSavedWhereTheUserChose(@TempDir Path dir) throws Exception {
    created("G3 危化品车辆超速", "A-000012");
    Path target = dir.resolve("reports/INC-20240501-001.pdf");

    vm.renderReport(target, "en");
    ui.runNext();

    assertThat(Files.readAllBytes(target)).isEqualTo(FakeTimelineServer.PDF);
    assertThat(server.reportRequests).singleElement().satisfies(r -> assertThat(r.getLocale()).isEqualTo("en"));
    assertThat(vm.lastReportProperty().get().sha256()).isEqualTo("ab12");
    ui.runNext(); // the incident again, with the report's hash
    assertThat(vm.selectedProperty().get().getReportHashesList()).containsExactly("ab12");
  }

  @Test
  void theListShowsOpenIncidentsOnlyByDefault() {
    created("一", "A-1");
    created("二", "A-2");
    vm.conclusionProperty().set("误报");
    vm.closeCommand().execute();
    ui.runNext();

    vm.refresh();
    ui.runNext();

    assertThat(vm.incidents()).extracting(Incident::getTitle).containsExactly("一");
  }

  @Test
  void theClipsAreDownloadedIntoTheChosenFolderAndCheckedAgainstTheirHashes(@TempDir Path dir) throws Exception {
    server.clipsByCamera.put("CAM-01", "first camera's transport stream".getBytes(StandardCharsets.US_ASCII));
    server.clipsByCamera.put("CAM-02", "second camera's transport stream, longer".getBytes(StandardCharsets.US_ASCII));
    created("G3 危化品车辆超速", "A-000012");
    Path folder = dir.resolve("clips");

    vm.exportClips(folder);
    ui.runNext();

    assertThat(vm.errorKeyProperty().get()).isEmpty();
    assertThat(server.clipRequests).singleElement()
        .satisfies(r -> assertThat(r.getIncidentId()).isEqualTo("INC-20240501-001"));
    IncidentsViewModel.SavedClips saved = vm.lastClipsProperty().get();
    assertThat(saved.folder()).isEqualTo(folder);
    assertThat(saved.clips()).extracting(ClipDownloads.SavedClip::cameraId).containsExactly("CAM-01", "CAM-02");
    for (ClipDownloads.SavedClip clip : saved.clips()) {
      assertThat(clip.file().getParent()).isEqualTo(folder);
      assertThat(Files.readAllBytes(clip.file())).isEqualTo(server.clipsByCamera.get(clip.cameraId()));
      assertThat(clip.sha256()).isEqualTo(FakeTimelineServer.sha256(server.clipsByCamera.get(clip.cameraId())));
    }
    assertThat(saved.totalBytes()).isEqualTo(31 + 40);
    assertThat(saved.withoutRecording()).extracting(CameraWithoutClip::getCameraId).containsExactly("CAM-09");
    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void aClipWhoseBytesDoNotMatchTheRecordedHashIsNotKept(@TempDir Path dir) throws Exception {
    server.clipsByCamera.put("CAM-01", "altered on the way".getBytes(StandardCharsets.US_ASCII));
    server.wrongClipHash = "00".repeat(32);
    created("G3 危化品车辆超速", "A-000012");

    vm.exportClips(dir);
    ui.runNext();

    assertThat(vm.errorKeyProperty().get()).isEqualTo(IncidentsViewModel.ERROR_CLIP_HASH);
    assertThat(vm.errorDetailProperty().get()).isEqualTo("INC-20240501-001-CAM-01-main.ts");
    assertThat(vm.lastClipsProperty().get()).isNull();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void tryingAgainAfterAFailedDownloadAsksForTheSameExportAndTheNextExportAfterASuccessIsNew(@TempDir Path dir) {
    server.clipsByCamera.put("CAM-01", "first camera's transport stream".getBytes(StandardCharsets.US_ASCII));
    server.wrongClipHash = "00".repeat(32);
    created("G3 危化品车辆超速", "A-000012");

    vm.exportClips(dir.resolve("failed"));
    ui.runNext();
    server.wrongClipHash = null;
    vm.exportClips(dir.resolve("again"));
    ui.runNext();
    vm.exportClips(dir.resolve("next"));
    ui.runNext();

    assertThat(vm.errorKeyProperty().get()).isEmpty();
    assertThat(server.clipRequests).extracting(ExportIncidentClipsRequest::getRequestId).doesNotContain("")
        .satisfies(ids -> {
          assertThat(ids.get(1)).as("the retry: the first export again").isEqualTo(ids.get(0));
          assertThat(ids.get(2)).as("after a success: a new export").isNotEqualTo(ids.get(1));
        });
  }
}
