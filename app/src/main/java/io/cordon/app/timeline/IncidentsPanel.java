package io.cordon.app.timeline;

import io.cordon.api.v1.CameraWithoutClip;
import io.cordon.api.v1.ClipMissingReason;
import io.cordon.api.v1.Incident;
import io.cordon.api.v1.IncidentStatus;
import io.cordon.app.i18n.I18n;
import io.cordon.client.incident.ClipDownloads;
import io.cordon.client.incident.IncidentsViewModel;
import io.cordon.client.timeline.TimelineClient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * 事件 (incidents) beside the timeline: the list (open ones by default), a form for a new incident —
 * title and the alarms, filled from the alarm queue's "新建事件" — or alarms to add to the selected
 * one, closing the selected one with a conclusion, opening its timeline, and "生成报告": the signed
 * PDF rendered by the server and saved where the user chooses, and "导出录像": the incident window's
 * recording of every linked camera downloaded into a folder of the user's choice, each file checked
 * against the SHA-256 the server journalled, with a summary that names the cameras without recording.
 */
public final class IncidentsPanel {
  public static final String LIST_ID = "incident-list";
  public static final String TITLE_ID = "incident-title";
  public static final String ALARMS_ID = "incident-alarms";
  public static final String CREATE_ID = "incident-create";
  public static final String ADD_ID = "incident-add-alarms";
  public static final String CONCLUSION_ID = "incident-conclusion";
  public static final String CLOSE_ID = "incident-close";
  public static final String REPORT_ID = "incident-report";
  public static final String CLIPS_ID = "incident-clips";
  public static final String OPEN_TIMELINE_ID = "incident-open-timeline";
  public static final String MESSAGE_ID = "incident-message";

  private final IncidentsViewModel vm;
  private final TimelineTexts texts;
  private final ListView<Incident> list = new ListView<>();
  private final TextField alarms = new TextField();
  private final VBox root;
  private Consumer<Incident> onOpenTimeline = incident -> {};
  private Function<Incident, Optional<Path>> reportTarget = this::chooseReportFile;
  private Function<Incident, Optional<Path>> clipsFolder = this::chooseClipsFolder;
  private boolean editingAlarms;

  IncidentsPanel(IncidentsViewModel vm, TimelineTexts texts) {
    this.vm = Objects.requireNonNull(vm, "vm");
    this.texts = texts;
    I18n i18n = texts.i18n();

    CheckBox openOnly = new CheckBox();
    openOnly.textProperty().bind(i18n.text("incident.openOnly"));
    openOnly.selectedProperty().bindBidirectional(vm.openOnlyProperty());
    openOnly.selectedProperty().addListener(o -> vm.refresh());
    Button refresh = button("incident.refresh", null);
    refresh.setOnAction(e -> vm.refresh());
    HBox listBar = new HBox(8, openOnly, spacer(), refresh);
    listBar.setAlignment(Pos.CENTER_LEFT);

    list.setId(LIST_ID);
    list.getStyleClass().add("incident-list");
    list.setItems(vm.incidents());
    list.setPrefHeight(200);
    list.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(Incident incident, boolean empty) {
        super.updateItem(incident, empty);
        getStyleClass().removeAll("incident-open", "incident-closed");
        if (empty || incident == null) {
          setText(null);
          return;
        }
        boolean open = incident.getStatus() == IncidentStatus.INCIDENT_STATUS_OPEN;
        getStyleClass().add(open ? "incident-open" : "incident-closed");
        setText(incident.getId() + "  " + texts.get(open ? "incident.status.open" : "incident.status.closed")
            + "\n" + incident.getTitle() + "  " + texts.format("incident.alarmCount", Integer.toString(incident.getAlarmIdsCount())));
      }
    });
    Label empty = new Label();
    empty.textProperty().bind(i18n.text("incident.list.empty"));
    list.setPlaceholder(empty);
    list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
      if (now != vm.selectedProperty().get()) {
        vm.selectedProperty().set(now);
      }
    });
    vm.selectedProperty().addListener((o, was, now) -> {
      if (now == null) {
        list.getSelectionModel().clearSelection();
      } else if (list.getSelectionModel().getSelectedItem() != now) {
        list.getSelectionModel().select(now);
      }
    });

    Label selected = new Label();
    selected.getStyleClass().add("incident-selected");
    selected.setWrapText(true);
    selected.textProperty().bind(i18n.binding(this::selectedText, vm.selectedProperty()));

    Button openTimeline = button("incident.openTimeline", OPEN_TIMELINE_ID);
    openTimeline.disableProperty().bind(vm.selectedProperty().isNull());
    openTimeline.setOnAction(e -> onOpenTimeline.accept(vm.selectedProperty().get()));
    Button report = button("incident.report", REPORT_ID);
    report.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
    report.setOnAction(e -> reportTarget.apply(vm.selectedProperty().get())
        .ifPresent(path -> vm.renderReport(path, I18n.tag(i18n.getLocale()))));
    Button clips = button("incident.clips", CLIPS_ID);
    clips.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
    clips.setOnAction(e -> clipsFolder.apply(vm.selectedProperty().get()).ifPresent(vm::exportClips));
    HBox selectedBar = new HBox(8, openTimeline, report, clips);

    TextField title = new TextField();
    title.setId(TITLE_ID);
    title.promptTextProperty().bind(i18n.text("incident.title.prompt"));
    title.textProperty().bindBidirectional(vm.titleProperty());
    alarms.setId(ALARMS_ID);
    alarms.promptTextProperty().bind(i18n.text("incident.alarms.prompt"));
    alarms.setText(String.join(", ", vm.alarmIds()));
    vm.alarmIds().addListener((ListChangeListener<String>) c -> {
      if (!editingAlarms) {
        alarms.setText(String.join(", ", vm.alarmIds()));
      }
    });
    alarms.textProperty().addListener((o, was, now) -> {
      editingAlarms = true;
      vm.alarmIds().setAll(Arrays.stream(now.split("[,，;；、\\s]+")).filter(s -> !s.isBlank()).distinct().toList());
      editingAlarms = false;
    });
    Button create = button("incident.create", CREATE_ID);
    create.getStyleClass().add("primary");
    create.disableProperty().bind(vm.createCommand().executableProperty().not());
    create.setOnAction(e -> vm.createCommand().execute());
    Button add = button("incident.addAlarms", ADD_ID);
    add.disableProperty().bind(vm.addAlarmsCommand().executableProperty().not());
    add.setOnAction(e -> vm.addAlarmsCommand().execute());
    Label createHint = new Label();
    createHint.getStyleClass().add("dialog-note");
    createHint.textProperty().bind(i18n.binding(() -> texts.error(vm.createValidationProperty().get()),
        vm.createValidationProperty()));

    TextArea conclusion = new TextArea();
    conclusion.setId(CONCLUSION_ID);
    conclusion.setPrefRowCount(2);
    conclusion.setWrapText(true);
    conclusion.promptTextProperty().bind(i18n.text("incident.conclusion.prompt"));
    conclusion.textProperty().bindBidirectional(vm.conclusionProperty());
    Button close = button("incident.close", CLOSE_ID);
    close.getStyleClass().add("danger");
    close.disableProperty().bind(vm.closeCommand().executableProperty().not());
    close.setOnAction(e -> vm.closeCommand().execute());

    Label message = new Label();
    message.setId(MESSAGE_ID);
    message.setWrapText(true);
    message.getStyleClass().add("incident-message");
    message.textProperty().bind(i18n.binding(this::messageText, vm.errorKeyProperty(), vm.errorDetailProperty(),
        vm.lastReportProperty(), vm.lastClipsProperty(), vm.busyProperty()));

    root = new VBox(8,
        section("incident.list.title"), listBar, list, selected, selectedBar,
        section("incident.new.title"), title, alarms, new HBox(8, create, add), createHint,
        section("incident.close.title"), conclusion, close, message);
    VBox.setVgrow(list, Priority.ALWAYS);
    root.setPadding(new Insets(10));
    root.getStyleClass().add("incident-panel");
  }

  public Region root() {
    return root;
  }

  public IncidentsViewModel viewModel() {
    return vm;
  }

  /** What "打开时间轴" does with the selected incident. */
  void setOnOpenTimeline(Consumer<Incident> action) {
    onOpenTimeline = Objects.requireNonNull(action, "action");
  }

  /** Where a report is saved: a file chooser by default; tests answer without one. */
  public void setReportTarget(Function<Incident, Optional<Path>> chooser) {
    reportTarget = Objects.requireNonNull(chooser, "chooser");
  }

  /** Where clips are saved: a folder chooser by default; tests answer without one. */
  public void setClipsFolder(Function<Incident, Optional<Path>> chooser) {
    clipsFolder = Objects.requireNonNull(chooser, "chooser");
  }

  private Optional<Path> chooseClipsFolder(Incident incident) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(texts.format("incident.clips.choose", incident.getId()));
    Window owner = root.getScene() == null ? null : root.getScene().getWindow();
    java.io.File folder = chooser.showDialog(owner);
    return Optional.ofNullable(folder).map(java.io.File::toPath);
  }

  private Optional<Path> chooseReportFile(Incident incident) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(texts.get("incident.report.choose"));
    chooser.setInitialFileName(incident.getId() + ".pdf");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
    Window owner = root.getScene() == null ? null : root.getScene().getWindow();
    java.io.File file = chooser.showSaveDialog(owner);
    return Optional.ofNullable(file).map(java.io.File::toPath);
  }

  private String selectedText() {
    Incident i = vm.selectedProperty().get();
    if (i == null) {
      return texts.get("incident.selected.none");
    }
    String window = i.hasWindowFrom() && i.hasWindowTo()
        ? TimelineTexts.dayTime(TimelineClient.instant(i.getWindowFrom())) + " – "
            + TimelineTexts.dayTime(TimelineClient.instant(i.getWindowTo()))
        : "—";
    String text = texts.format("incident.selected", i.getId(), i.getTitle(), String.join(", ", i.getAlarmIdsList()),
        window, i.getCreatedBy());
    if (i.getStatus() == IncidentStatus.INCIDENT_STATUS_CLOSED) {
      text += "\n" + texts.format("incident.selected.closed", i.getClosedBy(), i.getConclusion());
    }
    if (i.getReportHashesCount() > 0) {
      text += "\n" + texts.format("incident.selected.reports", Integer.toString(i.getReportHashesCount()),
          shortHash(i.getReportHashes(i.getReportHashesCount() - 1)));
    }
    return text;
  }

  private static String shortHash(String hex) {
    return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
  }

  private String messageText() {
    if (vm.busyProperty().get()) {
      return texts.get("incident.busy");
    }
    String error = vm.errorKeyProperty().get();
    if (!error.isEmpty()) {
      String detail = vm.errorDetailProperty().get();
      return texts.error(error) + (detail.isEmpty() ? "" : "（" + detail + "）");
    }
    IncidentsViewModel.SavedClips clips = vm.lastClipsProperty().get();
    if (clips != null) {
      return clipsText(clips);
    }
    IncidentsViewModel.SavedReport report = vm.lastReportProperty().get();
    return report == null ? "" : texts.format("incident.report.saved", report.file().toString(), shortHash(report.sha256()));
  }

  /** The files saved (camera, file, size, hash) and the cameras without recording with the reason. */
  private String clipsText(IncidentsViewModel.SavedClips clips) {
    StringBuilder text = new StringBuilder(texts.format("incident.clips.saved",
        Integer.toString(clips.clips().size()), clips.folder().toString(), size(clips.totalBytes())));
    for (ClipDownloads.SavedClip clip : clips.clips()) {
      text.append("\n").append(texts.format("incident.clips.file", camera(clip.cameraId(), clip.cameraName()),
          clip.file().getFileName().toString(), size(clip.bytes()), shortHash(clip.sha256())));
    }
    for (CameraWithoutClip camera : clips.withoutRecording()) {
      text.append("\n").append(texts.format("incident.clips.without", camera(camera.getCameraId(),
          camera.getCameraName()), texts.get(reasonKey(camera.getReason()))));
    }
    return text.toString();
  }

  /** Nothing recorded in the window, or recorded but the files could not be read (the staff's cue to check disks). */
  static String reasonKey(ClipMissingReason reason) {
    return reason == ClipMissingReason.CLIP_MISSING_REASON_RECORDING_UNREADABLE
        ? "incident.clips.reason.unreadable" : "incident.clips.reason.noRecording";
  }

  private static String camera(String id, String name) {
    return name.isEmpty() ? id : id + " " + name;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
  }

  private Label section(String key) {
    Label l = new Label();
    l.getStyleClass().add("timeline-section");
    l.textProperty().bind(texts.i18n().text(key));
    return l;
  }

  private Button button(String key, String id) {
    Button b = new Button();
    if (id != null) {
      b.setId(id);
    }
    b.textProperty().bind(texts.i18n().text(key));
    return b;
  }

  private static Region spacer() {
    Region r = new Region();
    HBox.setHgrow(r, Priority.ALWAYS);
    return r;
  }
}
