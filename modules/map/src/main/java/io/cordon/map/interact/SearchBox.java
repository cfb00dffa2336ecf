package io.cordon.map.interact;

import io.cordon.map.MapFeature;
import io.cordon.map.MapState;
import io.cordon.map.MapStyles;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Search for a gate, camera, enterprise, zone or plate: matches drop down under the field as
 * you type; Enter or a click flies to the chosen one. Esc clears the field.
 */
public final class SearchBox extends VBox {
  /** How many matches the drop-down lists. */
  public static final int MAX_RESULTS = 8;
  private static final double ROW_PX = 30;

  private final TextField field = new TextField();
  private final ListView<MapFeature> results = new ListView<>();
  private final FeatureIndex index;
  private final Consumer<MapFeature> choose;

  public SearchBox(MapState state, FeatureIndex index, FeatureDescriber describer, Consumer<MapFeature> choose) {
    this.index = index;
    this.choose = choose;
    getStyleClass().add(MapStyles.SEARCH_BOX);
    setFillWidth(true);
    field.setId("map-search");
    // Clicked, never tabbed into: the map itself should take the scene's first focus for its keys.
    field.setFocusTraversable(false);
    field.getStyleClass().add(MapStyles.SEARCH_FIELD);
    field.promptTextProperty().bind(Bindings.createStringBinding(() -> state.texts().get("search.prompt"), state.textsBinding()));
    results.setId("map-search-results");
    results.getStyleClass().add(MapStyles.SEARCH_RESULTS);
    results.setFixedCellSize(ROW_PX);
    results.setFocusTraversable(false);
    results.setCellFactory(list -> new ResultCell(describer));
    hideResults();
    getChildren().addAll(field, results);

    field.textProperty().addListener((obs, old, text) -> refresh(text));
    field.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    results.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      MapFeature picked = results.getSelectionModel().getSelectedItem();
      if (e.getButton() == MouseButton.PRIMARY && picked != null) {
        pick(picked);
      }
    });
  }

  public TextField field() {
    return field;
  }

  /** The matches currently listed. */
  public List<MapFeature> shownResults() {
    return List.copyOf(results.getItems());
  }

  private void refresh(String text) {
    List<MapFeature> found = index.search(text, MAX_RESULTS);
    results.getItems().setAll(found);
    if (found.isEmpty()) {
      hideResults();
    } else {
      results.getSelectionModel().select(0);
      results.setPrefHeight(found.size() * ROW_PX + 2);
      results.setMaxHeight(Region.USE_PREF_SIZE);
      results.setVisible(true);
      results.setManaged(true);
    }
  }

  private void onKey(KeyEvent e) {
    int i = results.getSelectionModel().getSelectedIndex();
    if (e.getCode() == KeyCode.ENTER) {
      MapFeature picked = results.getSelectionModel().getSelectedItem();
      if (picked == null && !results.getItems().isEmpty()) {
        picked = results.getItems().get(0);
      }
      if (picked != null) {
        pick(picked);
      }
      e.consume();
    } else if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
      results.getSelectionModel().select(Math.min(results.getItems().size() - 1, i + 1));
      e.consume();
    } else if (e.getCode() == KeyCode.UP && !results.getItems().isEmpty()) {
      results.getSelectionModel().select(Math.max(0, i - 1));
      e.consume();
    } else if (e.getCode() == KeyCode.ESCAPE) {
      field.clear();
      e.consume();
    }
  }

  private void pick(MapFeature feature) {
    hideResults();
    choose.accept(feature);
  }

  private void hideResults() {
    results.setVisible(false);
    results.setManaged(false);
  }

  /** Name on the left, kind on the right. */
  private static final class ResultCell extends ListCell<MapFeature> {
    private final Label name = new Label();
    private final Label kind = new Label();
    private final HBox row = new HBox(8, name, kind);
    private final FeatureDescriber describer;

    ResultCell(FeatureDescriber describer) {
      this.describer = describer;
      name.getStyleClass().add(MapStyles.SEARCH_RESULT_NAME);
      kind.getStyleClass().add(MapStyles.SEARCH_RESULT_KIND);
      HBox.setHgrow(name, Priority.ALWAYS);
      name.setMaxWidth(Double.MAX_VALUE);
      row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(MapFeature item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
      } else {
        name.setText(item.name());
        kind.setText(describer.kind(item.kind()));
        setText(null);
        setGraphic(row);
      }
    }
  }
}
