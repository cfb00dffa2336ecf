package io.cordon.map.interact;

import io.cordon.map.MapFeature;
import io.cordon.map.MapStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected feature's card: its name, then kind, id, type, zone, WGS84 position and live
 * state as label/value rows. Refreshed by the interaction when live data changes.
 */
public final class DetailsCard extends VBox {
  /** Wide enough for a long enterprise name on two lines, narrow enough to leave the map free. */
  public static final double WIDTH_PX = 270;

  private final FeatureDescriber describer;
  private final Label title = new Label();
  private final GridPane rows = new GridPane();
  private MapFeature shown;

  public DetailsCard(FeatureDescriber describer, Runnable close) {
    this.describer = describer;
    setId("map-details");
    getStyleClass().addAll(MapStyles.MAP_PANEL, MapStyles.DETAILS_CARD);
    setPrefWidth(WIDTH_PX);
    setMaxWidth(WIDTH_PX);
    title.getStyleClass().add(MapStyles.DETAILS_TITLE);
    title.setWrapText(true);
    title.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(title, Priority.ALWAYS);
    Button closeButton = new Button("×");
    closeButton.getStyleClass().addAll(MapStyles.MAP_BUTTON, MapStyles.DETAILS_CLOSE);
    closeButton.setFocusTraversable(false);
    closeButton.setOnAction(e -> close.run());
    HBox header = new HBox(6, title, closeButton);
    header.setAlignment(Pos.TOP_LEFT);
    rows.getStyleClass().add(MapStyles.DETAILS_ROWS);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(64);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    rows.getColumnConstraints().addAll(labels, values);
    getChildren().addAll(header, rows);
    show(null);
  }

  /** Shows the feature, or hides the card for null. */
  public void show(MapFeature feature) {
    shown = feature;
    setVisible(feature != null);
    if (feature != null) {
      refresh();
    }
  }

  /** Re-reads the shown feature's live state. */
  public void refresh() {
    if (shown == null) {
      return;
    }
    title.setText(shown.name());
    rows.getChildren().clear();
    int r = 0;
    for (FeatureDescriber.Row row : describer.details(shown)) {
      Label label = new Label(row.label());
      label.getStyleClass().add(MapStyles.DETAILS_LABEL);
      Label value = new Label(row.value());
      value.getStyleClass().add(MapStyles.DETAILS_VALUE);
      value.setWrapText(true);
      rows.addRow(r++, label, value);
    }
  }

  public MapFeature shown() {
    return shown;
  }

  /** The card's title, the feature's name. */
  public String titleText() {
    return title.getText();
  }
}
