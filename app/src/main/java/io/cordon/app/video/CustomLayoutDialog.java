package io.cordon.app.video;

import io.cordon.app.i18n.I18n;
import io.cordon.video.layout.LayoutCell;
import io.cordon.video.layout.WallLayout;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Designs a wall layout: a grid of columns × rows with an optional big tile top-left, previewed as it
 * is changed. The layout is named by the operator and offered by every wall of the workstation.
 */
final class CustomLayoutDialog {
  private static final double PREVIEW_W = 256;
  private static final double PREVIEW_H = 144;

  private CustomLayoutDialog() {
  }

  static Optional<WallLayout> ask(I18n i18n, Window owner) {
    Dialog<WallLayout> dialog = new Dialog<>();
    dialog.setTitle(i18n.get("video.layout.custom.title"));
    if (owner != null) {
      dialog.initOwner(owner);
      if (owner.getScene() != null) {
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
      }
    }
    TextField name = new TextField();
    name.setId("video-layout-name");
    Spinner<Integer> columns = new Spinner<>(1, 8, 4);
    Spinner<Integer> rows = new Spinner<>(1, 8, 3);
    Spinner<Integer> bigColumns = new Spinner<>(1, 8, 2);
    Spinner<Integer> bigRows = new Spinner<>(1, 8, 2);
    Label tiles = new Label();
    Pane preview = new Pane();
    preview.getStyleClass().add("video-layout-preview");
    preview.setPrefSize(PREVIEW_W, PREVIEW_H);
    preview.setMinSize(PREVIEW_W, PREVIEW_H);
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, new Label(i18n.get("video.layout.custom.name")), name);
    form.addRow(1, new Label(i18n.get("video.layout.custom.grid")), columns, new Label("×"), rows);
    form.addRow(2, new Label(i18n.get("video.layout.custom.big")), bigColumns, new Label("×"), bigRows);
    form.add(preview, 0, 3, 4, 1);
    form.add(tiles, 0, 4, 4, 1);
    GridPane.setColumnSpan(name, 3);
    dialog.getDialogPane().setContent(form);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

    Runnable update = () -> {
      Optional<WallLayout> layout = layout(name.getText(), columns.getValue(), rows.getValue(), bigColumns.getValue(),
          bigRows.getValue());
      dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(layout.isEmpty());
      preview.getChildren().clear();
      layout.ifPresent(l -> drawPreview(preview, l));
      tiles.setText(layout.map(l -> i18n.format("video.layout.custom.tiles", l.tileCount()))
          .orElse(i18n.get("video.layout.custom.invalid")));
    };
    name.textProperty().addListener(o -> update.run());
    columns.valueProperty().addListener(o -> update.run());
    rows.valueProperty().addListener(o -> update.run());
    bigColumns.valueProperty().addListener(o -> update.run());
    bigRows.valueProperty().addListener(o -> update.run());
    name.setText(i18n.get("video.layout.custom.defaultName"));
    update.run();
    dialog.setResultConverter(button -> button == ButtonType.OK ? layout(name.getText(), columns.getValue(),
        rows.getValue(), bigColumns.getValue(), bigRows.getValue()).orElse(null) : null);
    return dialog.showAndWait();
  }

  /** The layout the fields describe, or empty while they describe none (no name, big tile too big). */
  static Optional<WallLayout> layout(String name, int columns, int rows, int bigColumns, int bigRows) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.contains("|") || bigColumns > columns || bigRows > rows) {
      return Optional.empty();
    }
    try {
      return Optional.of(WallLayout.custom(clean, columns, rows, bigColumns, bigRows));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void drawPreview(Pane preview, WallLayout layout) {
    double cellW = PREVIEW_W / layout.columns();
    double cellH = PREVIEW_H / layout.rows();
    for (LayoutCell cell : layout.cells()) {
      Region tile = new Region();
      tile.getStyleClass().add("video-layout-preview-tile");
      tile.resizeRelocate(cell.column() * cellW + 1, cell.row() * cellH + 1, cell.columnSpan() * cellW - 2,
          cell.rowSpan() * cellH - 2);
      tile.setManaged(false);
      preview.getChildren().add(tile);
    }
  }
}
