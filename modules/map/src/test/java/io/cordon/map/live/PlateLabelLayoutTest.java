package io.cordon.map.live;

import static io.cordon.map.live.PlateLabelLayout.ALARM;
import static io.cordon.map.live.PlateLabelLayout.HAZMAT;
import static io.cordon.map.live.PlateLabelLayout.OTHER;
import static io.cordon.map.live.PlateLabelLayout.SELECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.map.live.PlateLabelLayout.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateLabelLayoutTest {
  private static final double W = 800;
  private static final double H = 600;
  private static final double LABEL_W = 70;
  private static final double LABEL_H = 16;
  private static final double MARKER_HALF = 8;

  private record Offer(String plate, int rank, double x, double y) {}

  private record Box(double x0, double y0, double x1, double y1) {
    boolean overlaps(Box o) {
      return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
  }

  private final PlateLabelLayout layout = new PlateLabelLayout();

  /** Lays the offers out as one frame; returns the placed labels' sides by plate. */
  private static Map<String, Side> layOut(PlateLabelLayout layout, List<Offer> offers, int max) {
    layout.clear(W, H);
    for (Offer o : offers) {
      layout.offer(o.plate(), o.rank(), o.x(), o.y(), LABEL_W, LABEL_H, MARKER_HALF);
    }
    layout.place(max);
    Map<String, Side> sides = new TreeMap<>();
    for (int i = 0; i < layout.size(); i++) {
      if (layout.placed(i)) {
        sides.put(layout.plate(i), layout.side(i));
      }
    }
    return sides;
  }

  private static List<Box> placedBoxes(PlateLabelLayout layout) {
    List<Box> boxes = new ArrayList<>();
    for (int i = 0; i < layout.size(); i++) {
      if (layout.placed(i)) {
        double x = layout.labelX(i);
        double y = layout.labelY(i);
        boxes.add(new Box(x, y, x + layout.labelWidth(i), y + LABEL_H));
      }
    }
    return boxes;
  }

  /** A crowd round a gate: a few hundred vehicles in a 200 × 120 px patch, ranks mixed. */
  private static List<Offer> crowd(long seed, int count) {
    Random random = new Random(seed);
    List<Offer> offers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int rank = i % 17 == 0 ? ALARM : i % 5 == 0 ? HAZMAT : OTHER;
      offers.add(new Offer(String.format("苏E%05d", i), rank, 300 + random.nextDouble() * 200,
          240 + random.nextDouble() * 120));
    }
    return offers;
  }

  @ParameterizedTest
  @CsvSource({"400, 300", "0, 0", "800, 600", "-12, 300", "795, 4"})
  void aLoneVehicleAlwaysGetsItsLabelEvenAtTheEdge(double x, double y) {
    Map<String, Side> sides = layOut(layout, List.of(new Offer("苏A00001", OTHER, x, y)), 150);

    assertThat(sides).containsOnlyKeys("苏A00001");
    assertThat(layout.labelX(0)).isGreaterThanOrEqualTo(x + MARKER_HALF); // right of the marker, not on it
  }

  @Test
  void placedLabelsNeverOverlapEachOtherNorCoverAnotherVehicle() {
    List<Offer> offers = crowd(7, 400);
    layOut(layout, offers, 1000);

    List<Box> boxes = placedBoxes(layout);
    assertThat(boxes).hasSizeGreaterThan(10);
    for (int a = 0; a < boxes.size(); a++) {
      for (int b = a + 1; b < boxes.size(); b++) {
        assertThat(boxes.get(a).overlaps(boxes.get(b))).as("labels %s and %s", boxes.get(a), boxes.get(b)).isFalse();
      }
    }
    // ordinary labels never hide another vehicle's marker
    for (int i = 0; i < layout.size(); i++) {
      if (layout.placed(i) && offers.get(i).rank() == OTHER) {
        Box label = new Box(layout.labelX(i), layout.labelY(i), layout.labelX(i) + LABEL_W, layout.labelY(i) + LABEL_H);
        for (Offer o : offers) {
          Box marker = new Box(o.x() - MARKER_HALF, o.y() - MARKER_HALF, o.x() + MARKER_HALF, o.y() + MARKER_HALF);
          assertThat(label.overlaps(marker)).as("%s over %s", offers.get(i).plate(), o.plate()).isFalse();
        }
      }
    }
  }

  @Test
  void labelsUseTheOtherSidesWhenTheRightIsTaken() {
    // two vehicles side by side: the left one's label cannot go right (the other one stands there)
    Map<String, Side> sides = layOut(layout, List.of(
        new Offer("苏A00001", OTHER, 400, 300), new Offer("苏A00002", OTHER, 440, 300)), 150);

    assertThat(sides).containsOnlyKeys("苏A00001", "苏A00002");
    assertThat(sides.get("苏A00001")).isNotEqualTo(Side.RIGHT);
  }

  @Test
  void ofVehiclesOnOneSpotTheSelectedOneIsLabelledThenAlarmThenHazmat() {
    List<Offer> stack = new ArrayList<>(List.of(
        new Offer("苏A00001", OTHER, 400, 300),
        new Offer("苏A00002", HAZMAT, 400.5, 300),
        new Offer("苏A00003", ALARM, 401, 300.5),
        new Offer("苏A00004", SELECTED, 400, 301)));

    assertThat(layOut(new PlateLabelLayout(), stack, 150)).containsOnlyKeys("苏A00004");
    stack.remove(3);
    assertThat(layOut(new PlateLabelLayout(), stack, 150)).containsOnlyKeys("苏A00003");
    stack.remove(2);
    assertThat(layOut(new PlateLabelLayout(), stack, 150)).containsOnlyKeys("苏A00002");
  }

  @Test
  void theMostImportantLabelsAreKeptWhenTheCapIsReached() {
    List<Offer> offers = crowd(11, 300);
    Map<String, Side> sides = layOut(layout, offers, 10);

    assertThat(sides).hasSize(10);
    assertThat(offers.stream().filter(o -> sides.containsKey(o.plate())))
        .allSatisfy(o -> assertThat(o.rank()).isLessThan(OTHER));
  }

  @Test
  void theLayoutDoesNotDependOnTheOrderVehiclesComeIn() {
    List<Offer> offers = crowd(3, 300);
    Map<String, Side> first = layOut(new PlateLabelLayout(), offers, 150);
    List<Offer> shuffled = new ArrayList<>(offers);
    Collections.shuffle(shuffled, new Random(42));

    assertThat(layOut(new PlateLabelLayout(), shuffled, 150)).isEqualTo(first);
    assertThat(layOut(new PlateLabelLayout(), offers, 150)).isEqualTo(first);
  }

  @Test
  void aShownLabelStaysWhenAVehicleOfTheSameRankDrivesOntoIt() {
    layOut(layout, List.of(new Offer("苏B00002", OTHER, 400, 300)), 150);

    // 苏A sorts first, but 苏B was labelled last frame: no swap, no flicker
    Map<String, Side> next = layOut(layout, List.of(
        new Offer("苏A00001", OTHER, 401, 300), new Offer("苏B00002", OTHER, 400, 300)), 150);

    assertThat(next).containsOnlyKeys("苏B00002");
  }

  @Test
  void aShownLabelKeepsItsSideWhileItStillFits() {
    // a neighbour on the left pushes 苏B's label to another side...
    layOut(layout, List.of(new Offer("苏A00001", HAZMAT, 360, 300), new Offer("苏B00002", OTHER, 400, 300)), 150);
    Side before = layOut(layout, List.of(
        new Offer("苏A00001", HAZMAT, 430, 300), new Offer("苏B00002", OTHER, 400, 300)), 150).get("苏B00002");
    assertThat(before).isNotEqualTo(Side.RIGHT);

    // ...and when the neighbour has gone, it stays there rather than jump back to the right
    assertThat(layOut(layout, List.of(new Offer("苏B00002", OTHER, 400, 300)), 150)).containsEntry("苏B00002", before);
  }
}
