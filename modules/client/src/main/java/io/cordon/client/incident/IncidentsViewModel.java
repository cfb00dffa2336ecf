package io.cordon.client.incident;

import io.cordon.api.v1.AddAlarmsRequest;
import io.cordon.api.v1.Alarm;
import io.cordon.api.v1.CameraWithoutClip;
import io.cordon.api.v1.CloseIncidentRequest;
import io.cordon.api.v1.CreateIncidentRequest;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentReport;
import io.cordon.api.v1.IncidentStatus;
import io.cordon.api.v1.ListIncidentsRequest;
import io.cordon.api.v1.RenderReportRequest;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.cordon.client.timeline.TimelineErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Incidents (事件) for the supervisor: the list (open ones only by default), a new incident from
 * alarms selected in the alarm queue with a title, alarms added to one, closing it with a
 * conclusion, its signed PDF report rendered by the server and saved where the user chose, and its
 * video: the server cuts the window's recording per linked camera, the clips are downloaded into a
 * folder of the user's choice and checked against the SHA-256 the server journalled.
 * Each mutating call carries a request id kept until it succeeds, so repeating a call after a lost
 * answer does not make a second incident. UI executor only.
 */
public final class IncidentsViewModel {
  public static final int MAX_TITLE = 200;
  public static final String ERROR_TITLE = "incident.error.title";
  public static final String ERROR_TITLE_LONG = "incident.error.titleTooLong";
  public static final String ERROR_NO_ALARMS = "incident.error.noAlarms";
  public static final String ERROR_CONCLUSION = "incident.error.conclusion";
  public static final String ERROR_WRITE = "incident.error.write";
  public static final String ERROR_CLIP_WRITE = "incident.error.clipWrite";
  public static final String ERROR_CLIP_DOWNLOAD = "incident.error.clipDownload";
  public static final String ERROR_CLIP_HASH = "incident.error.clipHash";

  private final IncidentClient client;
  private final ClipDownloads downloads;
  private final Executor ui;

  private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
  private final ObservableList<Incident> incidentsReadOnly = FXCollections.unmodifiableObservableList(incidents);
  private final BooleanProperty openOnly = new SimpleBooleanProperty(this, "openOnly", true);
  private final ObjectProperty<Incident> selected = new SimpleObjectProperty<>(this, "selected");
  private final StringProperty title = new SimpleStringProperty(this, "title", "");
  private final ObservableList<String> alarmIds = FXCollections.observableArrayList();
  private final StringProperty conclusion = new SimpleStringProperty(this, "conclusion", "");
  private final StringBinding createValidation;
  private final StringBinding closeValidation;
  private final Command createCommand;
  private final Command addAlarmsCommand;
  private final Command closeCommand;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper(this, "errorDetail", "");
  private final ReadOnlyObjectWrapper<SavedReport> lastReport = new ReadOnlyObjectWrapper<>(this, "lastReport");
  private final ReadOnlyObjectWrapper<SavedClips> lastClips = new ReadOnlyObjectWrapper<>(this, "lastClips");

  // UI thread only
  private String createRequestId = UUID.randomUUID().toString();
  private String closeRequestId = UUID.randomUUID().toString();
  /** Kept when an export or its download fails, so trying again downloads the same export, not a new one. */
  private String exportRequestId = UUID.randomUUID().toString();
  private long generation;

  public IncidentsViewModel(IncidentClient client, Executor ui) {
    this(client, new ClipDownloads(), ui);
  }

  /** @param downloads fetches the exported clips from the relay */
  public IncidentsViewModel(IncidentClient client, ClipDownloads downloads, Executor ui) {
    this.client = Objects.requireNonNull(client, "client");
    this.downloads = Objects.requireNonNull(downloads, "downloads");
    this.ui = Objects.requireNonNull(ui, "ui");
    createValidation = Bindings.createStringBinding(this::validateCreate, title, alarmIds);
    closeValidation = Bindings.createStringBinding(this::validateClose, conclusion, selected);
    createCommand = SimpleCommand.of(this::create,
        Bindings.createBooleanBinding(() -> createValidation.get().isEmpty() && !busy.get(), createValidation, busy));
    addAlarmsCommand = SimpleCommand.of(this::addAlarms, Bindings.createBooleanBinding(
        () -> isOpen(selected.get()) && !alarmIds.isEmpty() && !busy.get(), selected, alarmIds, busy));
    closeCommand = SimpleCommand.of(this::close,
        Bindings.createBooleanBinding(() -> closeValidation.get().isEmpty() && !busy.get(), closeValidation, busy));
    title.addListener(o -> createRequestId = UUID.randomUUID().toString());
    alarmIds.addListener((javafx.collections.ListChangeListener<String>) c -> createRequestId = UUID.randomUUID().toString());
    selected.addListener(o -> closeRequestId = UUID.randomUUID().toString());
    selected.addListener((o, before, now) -> {
      // a refresh replaces the selected incident with a newer copy of itself: still the same export
      if (before == null || now == null || !before.getId().equals(now.getId())) {
        exportRequestId = UUID.randomUUID().toString();
      }
    });
  }

  private static boolean isOpen(Incident incident) {
    return incident != null && incident.getStatus() == IncidentStatus.INCIDENT_STATUS_OPEN;
  }

  private String validateCreate() {
    String t = title.get() == null ? "" : title.get().strip();
    if (t.isEmpty()) {
      return ERROR_TITLE;
    }
    if (t.codePointCount(0, t.length()) > MAX_TITLE) {
      return ERROR_TITLE_LONG;
    }
    return alarmIds.isEmpty() ? ERROR_NO_ALARMS : "";
  }

  private String validateClose() {
    if (!isOpen(selected.get())) {
      return "incident.error.notOpen";
    }
    return conclusion.get() == null || conclusion.get().isBlank() ? ERROR_CONCLUSION : "";
  }

  /**
   * The alarms a new incident starts with when the operator picked {@code selectedAlarmId} in the
   * queue: that alarm and every other alarm the alarm center grouped with it (same incident key).
   */
  public static List<String> alarmsToGroup(String selectedAlarmId, Collection<Alarm> known) {
    Set<String> ids = new LinkedHashSet<>();
    if (selectedAlarmId == null || selectedAlarmId.isBlank()) {
      return List.of();
    }
    ids.add(selectedAlarmId);
    String group = known.stream().filter(a -> a.getAlarmId().equals(selectedAlarmId)).findFirst()
        .map(Alarm::getIncidentId).orElse("");
    if (!group.isEmpty()) {
      known.stream().filter(a -> a.getIncidentId().equals(group)).map(Alarm::getAlarmId).sorted().forEach(ids::add);
    }
    return List.copyOf(ids);
  }

  /** Puts alarms into the form for a new incident (or to add to the selected one), without repeats. */
  public void useAlarms(List<String> ids) {
    Set<String> all = new LinkedHashSet<>(alarmIds);
    ids.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(all::add);
    alarmIds.setAll(all);
  }

  // --- calls -----------------------------------------------------------------------------------

  /** Reloads the list. */
  public void refresh() {
    ListIncidentsRequest request = ListIncidentsRequest.newBuilder().setOpenOnly(openOnly.get()).setLimit(200).build();
    long gen = ++generation;
    run(client.list(request), list -> {
      if (gen == generation) {
        String keep = selected.get() == null ? null : selected.get().getId();
        incidents.setAll(list.getIncidentsList());
        selected.set(keep == null ? null
            : incidents.stream().filter(i -> i.getId().equals(keep)).findFirst().orElse(null));
      }
    });
  }

  /** Creates an incident from the form; the new incident is selected and the form cleared. */
  public void create() {
    if (!createValidation.get().isEmpty()) {
      return;
    }
    CreateIncidentRequest request = CreateIncidentRequest.newBuilder().setRequestId(createRequestId)
        .setTitle(title.get().strip()).addAllAlarmIds(alarmIds).build();
    run(client.create(request), incident -> {
      put(incident);
      selected.set(incident);
      title.set("");
      alarmIds.clear();
      createRequestId = UUID.randomUUID().toString();
    });
  }

  /** Adds the form's alarms to the selected open incident. */
  public void addAlarms() {
    Incident incident = selected.get();
    if (!isOpen(incident) || alarmIds.isEmpty()) {
      return;
    }
    AddAlarmsRequest request = AddAlarmsRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
        .setIncidentId(incident.getId()).addAllAlarmIds(alarmIds).build();
    run(client.addAlarms(request), updated -> {
      put(updated);
      selected.set(updated);
      alarmIds.clear();
    });
  }

  /** Closes the selected incident with the conclusion. */
  public void close() {
    if (!closeValidation.get().isEmpty()) {
      return;
    }
    CloseIncidentRequest request = CloseIncidentRequest.newBuilder().setRequestId(closeRequestId)
        .setIncidentId(selected.get().getId()).setConclusion(conclusion.get().strip()).build();
    run(client.close(request), closed -> {
      put(closed);
      selected.set(closed);
      conclusion.set("");
      closeRequestId = UUID.randomUUID().toString();
    });
  }

  /**
   * Renders the selected incident's signed report in {@code localeTag} ("zh-CN" or "en") and writes
   * it to {@code target}; {@link #lastReportProperty()} tells where and its hash.
   */
  public void renderReport(Path target, String localeTag) {
    Incident incident = selected.get();
    if (incident == null || target == null || busy.get()) {
      return;
    }
    RenderReportRequest request = RenderReportRequest.newBuilder().setIncidentId(incident.getId())
        .setLocale(localeTag == null ? "zh-CN" : localeTag).build();
    CompletableFuture<SavedReport> saved = client.renderReport(request).thenCompose(report ->
        client.inBackground(() -> write(target, report)));
    run(saved, report -> {
      lastClips.set(null);
      lastReport.set(report);
      // the server recorded the new hash: show it in the list
      refreshOne(incident.getId());
    });
  }

  /**
   * Exports the selected incident's clips and downloads them into {@code folder}, each checked against its
   * recorded SHA-256; {@link #lastClipsProperty()} lists the files and the cameras without recording. The last
   * report's message is cleared so the panel shows the clips.
   */
  public void exportClips(Path folder) {
    Incident incident = selected.get();
    if (incident == null || folder == null || busy.get()) {
      return;
    }
    CompletableFuture<SavedClips> saved = client.exportClips(incident.getId(), exportRequestId).thenCompose(clips ->
        downloads.download(clips, folder).thenApply(files ->
            new SavedClips(clips.getIncidentId(), folder, files, clips.getWithoutClipList())));
    run(saved, ERROR_CLIP_WRITE, clips -> {
      lastReport.set(null);
      lastClips.set(clips);
      exportRequestId = UUID.randomUUID().toString();
    });
  }

  private static SavedReport write(Path target, IncidentReport report) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(target, report.getPdf().toByteArray());
      return new SavedReport(report.getIncidentId(), target, report.getSha256(), report.getPdf().size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void refreshOne(String id) {
    client.get(id).whenComplete((incident, error) -> ui.execute(() -> {
      if (error == null) {
        put(incident);
        if (selected.get() != null && selected.get().getId().equals(id)) {
          selected.set(incident);
        }
      }
    }));
  }

  private void put(Incident incident) {
    for (int i = 0; i < incidents.size(); i++) {
      if (incidents.get(i).getId().equals(incident.getId())) {
        incidents.set(i, incident);
        return;
      }
    }
    incidents.add(0, incident);
  }

  private <T> void run(CompletableFuture<T> call, Consumer<T> onSuccess) {
    run(call, ERROR_WRITE, onSuccess);
  }

  /** @param writeError the key shown when writing a file fails */
  private <T> void run(CompletableFuture<T> call, String writeError, Consumer<T> onSuccess) {
    busy.set(true);
    errorKey.set("");
    errorDetail.set("");
    call.whenComplete((value, error) -> ui.execute(() -> {
      busy.set(false);
      if (error != null) {
        Throwable cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        if (cause instanceof ClipDownloads.ClipDownloadException download) {
          errorKey.set(download.hashMismatch() ? ERROR_CLIP_HASH : ERROR_CLIP_DOWNLOAD);
          errorDetail.set(download.fileName());
        } else if (cause instanceof UncheckedIOException io) {
          errorKey.set(writeError);
          errorDetail.set(String.valueOf(io.getCause().getMessage()));
        } else {
          errorKey.set(TimelineErrors.keyOf(error));
          errorDetail.set(String.join("; ", TimelineErrors.fieldViolations(error)));
        }
        return;
      }
      onSuccess.accept(value);
    }));
  }

  // --- properties ------------------------------------------------------------------------------

  /** Newest first as the server lists them; created ones are put on top. */
  public ObservableList<Incident> incidents() {
    return incidentsReadOnly;
  }

  public BooleanProperty openOnlyProperty() {
    return openOnly;
  }

  public ObjectProperty<Incident> selectedProperty() {
    return selected;
  }

  /** The new incident's title, 1..200 characters. */
  public StringProperty titleProperty() {
    return title;
  }

  /** The alarms of the form: a new incident's, or those to add to the selected one. */
  public ObservableList<String> alarmIds() {
    return alarmIds;
  }

  /** The conclusion the selected incident is closed with. */
  public StringProperty conclusionProperty() {
    return conclusion;
  }

  /** Why the form cannot create an incident ({@link #ERROR_TITLE}, …); empty when it can. */
  public StringBinding createValidationProperty() {
    return createValidation;
  }

  /** Why the selected incident cannot be closed; empty when it can. */
  public StringBinding closeValidationProperty() {
    return closeValidation;
  }

  public Command createCommand() {
    return createCommand;
  }

  public Command addAlarmsCommand() {
    return addAlarmsCommand;
  }

  public Command closeCommand() {
    return closeCommand;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Why the last call failed ({@code timeline.error.*} or {@code incident.error.*}); empty otherwise. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }

  /** The fields the server refused ("title: is required"), or the file error. */
  public ReadOnlyStringProperty errorDetailProperty() {
    return errorDetail.getReadOnlyProperty();
  }

  /** The report last saved; null before. */
  public ReadOnlyObjectProperty<SavedReport> lastReportProperty() {
    return lastReport.getReadOnlyProperty();
  }

  /** The clips last downloaded and checked; null before. */
  public ReadOnlyObjectProperty<SavedClips> lastClipsProperty() {
    return lastClips.getReadOnlyProperty();
  }

  /** A report written to disk. */
  public record SavedReport(String incidentId, Path file, String sha256, int bytes) {}

  /** An incident's clips saved into {@code folder}, each matching its recorded hash, and the cameras left out. */
  public record SavedClips(String incidentId, Path folder, List<ClipDownloads.SavedClip> clips,
      List<CameraWithoutClip> withoutRecording) {

    public SavedClips {
      clips = List.copyOf(clips);
      withoutRecording = List.copyOf(withoutRecording);
    }

    public long totalBytes() {
      return clips.stream().mapToLong(ClipDownloads.SavedClip::bytes).sum();
    }
  }
}
