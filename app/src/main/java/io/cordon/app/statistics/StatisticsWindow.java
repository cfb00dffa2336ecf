package io.cordon.app.statistics;

import io.cordon.api.v1.ExportFormat;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.api.v1.ResponseTimes;
import io.cordon.api.v1.StatisticsFile;
import io.cordon.api.v1.StatisticsReport;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.statistics.ChartPoint;
import io.cordon.client.statistics.ChartSeries;
import io.cordon.client.statistics.StatisticsClient;
import io.cordon.client.statistics.StatisticsViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * 统计报表: a day, week or month of the park as charts — entries and exits by class and gate, the vehicle trend,
 * hazmat by class, alarms by type, zone and outcome, response times against the 1-minute target, occupancy
 * peaks — with the key figures on top and XLSX / PDF export of the same report. Its own window, opened from the
 * view menu; built on first {@link #show()}.
 */
public final class StatisticsWindow {

  public static final String STYLESHEET = "/io/cordon/app/statistics/statistics.css";

  private final StatisticsViewModel vm;
  private final I18n i18n;
  private Stage stage;
  private final GridPane charts = new GridPane();
  private final HBox figures = new HBox(12);
  private final Label status = new Label();

  public StatisticsWindow(StatisticsClient client, I18n i18n, Clock clock, Executor ui) {
    this.vm = new StatisticsViewModel(Objects.requireNonNull(client, "client"), ui, clock);
    this.i18n = Objects.requireNonNull(i18n, "i18n");
  }

  /** Opens the window (or brings it to the front) and loads the shown period. */
  public void show() {
    if (stage == null) {
      stage = build();
    }
    vm.load();
    stage.show();
    stage.toFront();
  }

  public StatisticsViewModel viewModel() {
    return vm;
  }

  public Stage stage() {
    return stage;
  }

  public void close() {
    if (stage != null) {
      stage.close();
    }
  }

  private Stage build() {
    BorderPane root = new BorderPane();
    root.getStyleClass().add("stats-window");
    root.setTop(new VBox(toolbar(), figures));
    figures.getStyleClass().add("stats-figures");
    charts.getStyleClass().add("stats-charts");
    charts.setHgap(12);
    charts.setVgap(12);
    charts.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(charts);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("stats-scroll");
    root.setCenter(scroll);
    vm.reportProperty().addListener((o, was, now) -> render());
    i18n.localeProperty().addListener(o -> render());
    render();
    Stage s = new Stage();
    s.titleProperty().bind(i18n.text("stats.window.title"));
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
    Styles.apply(scene);
    scene.getStylesheets().add(Objects.requireNonNull(StatisticsWindow.class.getResource(STYLESHEET)).toExternalForm());
    s.setScene(scene);
    return s;
  }

  private Node toolbar() {
    ToggleGroup periods = new ToggleGroup();
    HBox bar = new HBox(8);
    bar.getStyleClass().add("stats-toolbar");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    for (ReportPeriod p : StatisticsViewModel.PERIODS) {
      ToggleButton button = new ToggleButton();
      button.textProperty().bind(i18n.text("stats.period." + p.name().replace("REPORT_PERIOD_", "")));
      button.setId("stats-period-" + p.name().replace("REPORT_PERIOD_", "").toLowerCase(Locale.ROOT));
      button.setToggleGroup(periods);
      button.setSelected(vm.periodProperty().get() == p);
      button.setOnAction(e -> {
        button.setSelected(true);
        vm.periodProperty().set(p);
      });
      bar.getChildren().add(button);
    }
    Button previous = button("stats-previous", "stats.previous");
    previous.setOnAction(e -> vm.previousCommand().execute());
    previous.disableProperty().bind(vm.previousCommand().executableProperty().not());
    Button next = button("stats-next", "stats.next");
    next.setOnAction(e -> vm.nextCommand().execute());
    next.disableProperty().bind(vm.nextCommand().executableProperty().not());
    Button current = button("stats-current", "stats.current");
    current.setOnAction(e -> vm.current());
    Label period = new Label();
    period.setId("stats-period-text");
    period.getStyleClass().add("stats-period-text");
    period.textProperty().bind(i18n.binding(vm::periodText, vm.startProperty(), vm.periodProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button xlsx = button("stats-export-xlsx", "stats.export.xlsx");
    xlsx.setOnAction(e -> export(ExportFormat.EXPORT_FORMAT_XLSX, "*.xlsx"));
    Button pdf = button("stats-export-pdf", "stats.export.pdf");
    pdf.setOnAction(e -> export(ExportFormat.EXPORT_FORMAT_PDF, "*.pdf"));
    xlsx.disableProperty().bind(vm.exportingProperty());
    pdf.disableProperty().bind(vm.exportingProperty());
    status.setId("stats-status");
    status.getStyleClass().add("stats-status");
    status.textProperty().bind(i18n.binding(() -> vm.loadingProperty().get() ? i18n.get("stats.loading")
        : vm.exportingProperty().get() ? i18n.get("stats.exporting")
        : vm.errorKeyProperty().get().isEmpty() ? "" : i18n.get(vm.errorKeyProperty().get()),
        vm.loadingProperty(), vm.exportingProperty(), vm.errorKeyProperty()));
    bar.getChildren().addAll(previous, period, next, current, status, spacer, xlsx, pdf);
    return bar;
  }

  private Button button(String id, String key) {
    Button b = new Button();
    b.setId(id);
    b.textProperty().bind(i18n.text(key));
    return b;
  }

  private void export(ExportFormat format, String pattern) {
    vm.export(format).thenAccept(file -> save(file, pattern));
  }

  private void save(StatisticsFile file, String pattern) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(i18n.get("stats.export.title"));
    chooser.setInitialFileName(file.getFileName());
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
    File target = chooser.showSaveDialog(stage);
    if (target == null) {
      return;
    }
    try {
      Files.write(target.toPath(), file.getContent().toByteArray());
    } catch (IOException e) {
      status.textProperty().unbind();
      status.setText(i18n.format("stats.error.save", target.getName()));
    }
  }

  // ---- charts ----------------------------------------------------------------------------------

  private void render() {
    charts.getChildren().clear();
    figures.getChildren().clear();
    StatisticsReport r = vm.reportProperty().get();
    if (r == null) {
      return;
    }
    ResponseTimes rt = r.getResponseTimes();
    int alarms = r.getAlarmsByTypeList().stream().mapToInt(a -> a.getCount()).sum();
    figures.getChildren().addAll(
        figure("stats.figure.vehicleEntries", r.getPassageTotals().getVehicleEntries()),
        figure("stats.figure.vehicleExits", r.getPassageTotals().getVehicleExits()),
        figure("stats.figure.peopleEntries", r.getPassageTotals().getPeopleEntries()),
        figure("stats.figure.refusals", r.getPassageTotals().getRefusals()),
        figure("stats.figure.alarms", alarms),
        figure("stats.figure.withinTarget", String.format(Locale.ROOT, "%.1f%%", rt.getShareWithinTarget() * 100),
            rt.getAcknowledged() > 0 && rt.getShareWithinTarget() < 0.9),
        figure("stats.figure.peakPeople", r.getOccupancyPeak().getPeople()),
        figure("stats.figure.peakVehicles", r.getOccupancyPeak().getVehicles()),
        figure("stats.figure.peakHazmat", r.getOccupancyPeak().getHazmat()));
    Function<String, String> holderClass = k -> i18n.getOrDefault("gate.class." + k, k);
    Function<String, String> literal = k -> k.isEmpty() ? i18n.get("stats.zone.outside") : k;
    add(0, 0, "stats-chart-class", "stats.chart.byClass", bar(vm.passagesByClass(), holderClass));
    add(1, 0, "stats-chart-gate", "stats.chart.byGate", bar(vm.passagesByGate(), literal));
    add(0, 1, "stats-chart-trend", "stats.chart.trend", line(vm.trend()));
    add(1, 1, "stats-chart-hazmat", "stats.chart.hazmat", bar(List.of(vm.hazmat()), this::hazmatLabel));
    add(0, 2, "stats-chart-alarm-type", "stats.chart.alarmType",
        bar(List.of(vm.alarmsByType()), k -> i18n.getOrDefault("alarm.type." + k.replace("ALARM_TYPE_", ""), k)));
    add(1, 2, "stats-chart-alarm-zone", "stats.chart.alarmZone", bar(List.of(vm.alarmsByZone()), literal));
    add(0, 3, "stats-chart-outcome", "stats.chart.outcome", pie(vm.alarmsByOutcome()));
    add(1, 3, "stats-chart-response", i18n.format("stats.chart.response", rt.getTargetSeconds(),
        String.format(Locale.ROOT, "%.1f%%", rt.getShareWithinTarget() * 100), rt.getAcknowledged(),
        rt.getUnacknowledged()), response(vm.responseTimes()));
    add(0, 4, "stats-chart-occupancy", "stats.chart.occupancy", line(vm.occupancy()));
  }

  private String hazmatLabel(String key) {
    String[] parts = key.split("\\|");
    return i18n.format("stats.hazmat.class", parts[0], i18n.getOrDefault("stats.measure." + parts[1], parts[1]));
  }

  private Node figure(String key, long value) {
    return figure(key, String.format(Locale.ROOT, "%,d", value), false);
  }

  private Node figure(String key, String value, boolean warn) {
    Label name = new Label(i18n.get(key));
    name.getStyleClass().add("stats-figure-name");
    Label number = new Label(value);
    number.getStyleClass().add("stats-figure-value");
    if (warn) {
      number.getStyleClass().add("stats-figure-warn");
    }
    VBox box = new VBox(2, name, number);
    box.getStyleClass().add("stats-figure");
    box.setId(key.replace('.', '-'));
    return box;
  }

  private void add(int column, int row, String id, String titleKeyOrText, Node chart) {
    Label title = new Label(titleKeyOrText.startsWith("stats.") ? i18n.get(titleKeyOrText) : titleKeyOrText);
    title.getStyleClass().add("stats-chart-title");
    VBox card = new VBox(4, title, chart);
    card.getStyleClass().add("stats-card");
    card.setId(id);
    VBox.setVgrow(chart, Priority.ALWAYS);
    GridPane.setHgrow(card, Priority.ALWAYS);
    charts.add(card, column, row);
    javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
    half.setPercentWidth(50);
    if (charts.getColumnConstraints().size() < 2) {
      charts.getColumnConstraints().setAll(half, half);
    }
  }

  private BarChart<String, Number> bar(List<ChartSeries> series, Function<String, String> label) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setForceZeroInRange(true);
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setAnimated(false);
    chart.setPrefHeight(300);
    chart.setCategoryGap(series.size() > 1 ? 12 : 20);
    chart.setLegendVisible(series.size() > 1);
    chart.setLegendSide(Side.TOP);
    for (ChartSeries s : series) {
      XYChart.Series<String, Number> fx = new XYChart.Series<>();
      fx.setName(i18n.getOrDefault("stats.series." + s.key(), s.key()));
      for (ChartPoint p : s.points()) {
        fx.getData().add(new XYChart.Data<>(label.apply(p.key()), p.value()));
      }
      chart.getData().add(fx);
    }
    if (series.stream().allMatch(s -> s.points().isEmpty())) {
      chart.setTitle(i18n.get("stats.empty"));
    }
    return chart;
  }

  /** The response histogram: bars within the target in the "ok" colour, those over it in the alarm colour. */
  private BarChart<String, Number> response(ChartSeries histogram) {
    BarChart<String, Number> chart = bar(List.of(histogram), k -> k + " s");
    XYChart.Series<String, Number> s = chart.getData().get(0);
    int target = vm.reportProperty().get().getResponseTimes().getTargetSeconds();
    for (int i = 0; i < s.getData().size(); i++) {
      String key = histogram.points().get(i).key();
      boolean within = key.startsWith("≤") && Integer.parseInt(key.substring(1)) <= target;
      XYChart.Data<String, Number> d = s.getData().get(i);
      String style = within ? "stats-within-target" : "stats-over-target";
      d.nodeProperty().addListener((o, was, node) -> {
        if (node != null) {
          node.getStyleClass().add(style);
        }
      });
      if (d.getNode() != null) {
        d.getNode().getStyleClass().add(style);
      }
    }
    return chart;
  }

  private LineChart<String, Number> line(List<ChartSeries> series) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    LineChart<String, Number> chart = new LineChart<>(x, y);
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    chart.setPrefHeight(300);
    chart.setLegendSide(Side.TOP);
    for (ChartSeries s : series) {
      XYChart.Series<String, Number> fx = new XYChart.Series<>();
      fx.setName(i18n.getOrDefault("stats.series." + s.key(), s.key()));
      for (ChartPoint p : s.points()) {
        fx.getData().add(new XYChart.Data<>(p.key(), p.value()));
      }
      chart.getData().add(fx);
    }
    return chart;
  }

  private PieChart pie(ChartSeries series) {
    PieChart chart = new PieChart();
    chart.setAnimated(false);
    chart.setPrefHeight(300);
    chart.setLegendSide(Side.RIGHT);
    chart.setLabelsVisible(true);
    for (ChartPoint p : series.points()) {
      String name = i18n.getOrDefault("stats.outcome." + p.key().replace("ALARM_OUTCOME_", ""), p.key());
      chart.getData().add(new PieChart.Data(name + " " + (long) p.value(), p.value()));
    }
    if (series.points().isEmpty()) {
      chart.setTitle(i18n.get("stats.empty"));
    }
    return chart;
  }
}
