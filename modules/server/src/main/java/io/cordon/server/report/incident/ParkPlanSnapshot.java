package io.cordon.server.report.incident;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.park.PerimeterSegment;
import io.cordon.domain.park.Road;
import io.cordon.domain.park.RoadClass;
import io.cordon.domain.park.ZoneClass;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.locationtech.jts.geom.Coordinate;

/**
 * The map snapshot of a report, drawn with Java2D for print (light background): the park plan — control zones
 * coloured by class, parking lots, roads (hazmat roads marked), the perimeter and the gates — then the vehicles'
 * tracks and the numbered alarm locations, a scale bar, a north arrow and a legend.
 */
final class ParkPlanSnapshot {
  static final Color CORE = new Color(0xd3, 0x2f, 0x2f);
  static final Color KEY = new Color(0xef, 0x8a, 0x1c);
  static final Color GENERAL = new Color(0x3f, 0x9a, 0x5a);
  static final Color PERIMETER = new Color(0x26, 0x32, 0x38);
  static final Color ROAD = new Color(0x9a, 0xa4, 0xae);
  static final Color HAZMAT_ROAD = new Color(0xe0, 0x6c, 0x00);
  static final Color GATE = new Color(0x15, 0x65, 0xc0);
  static final Color ALARM = new Color(0xe5, 0x1c, 0x23);
  static final Color[] TRACKS = {new Color(0x6a, 0x1b, 0x9a), new Color(0x00, 0x83, 0x8f), new Color(0x28, 0x35, 0x93),
      new Color(0xad, 0x14, 0x57), new Color(0x55, 0x8b, 0x2f), new Color(0x4e, 0x34, 0x2e)};
  private static final double METRES_PER_DEGREE_LAT = 110_540;
  private static final double METRES_PER_DEGREE_LON = 111_320;

  /** A numbered alarm marker. */
  record Marker(String label, double lon, double lat) {}

  /** A vehicle's path, oldest point first. */
  record Track(String plate, List<double[]> lonLats) {}

  private final Park park;
  private final int width;
  private final int height;
  private final int legendHeight = 84;
  private final BiFunction<Integer, Float, Font> fonts;

  /** @param fonts the report face at a Java2D style and size (Chinese zone names and legend) */
  ParkPlanSnapshot(Park park, int width, int height, BiFunction<Integer, Float, Font> fonts) {
    this.park = park;
    this.width = width;
    this.height = height;
    this.fonts = fonts;
  }

  BufferedImage draw(List<Marker> markers, List<Track> tracks, ReportTexts texts) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(new Color(0xfb, 0xfc, 0xfd));
      g.fillRect(0, 0, width, height);
      Projection p = projection(markers, tracks);
      drawPlan(g, p);
      drawTracks(g, p, tracks);
      drawMarkers(g, p, markers);
      drawScale(g, p);
      drawNorth(g, texts);
      drawLegend(g, texts, !tracks.isEmpty());
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Local metres around the park's centre, fitted into the drawing area with a margin. */
  private Projection projection(List<Marker> markers, List<Track> tracks) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (PerimeterSegment s : park.perimeter()) {
      extend(b, s.line().getCoordinates());
    }
    for (ControlZone z : park.zones()) {
      extend(b, z.area().getExteriorRing().getCoordinates());
    }
    for (Gate gate : park.gates()) {
      extend(b, gate.position().getCoordinates());
    }
    if (b[0] == Double.MAX_VALUE) {
      for (Road r : park.roads()) {
        extend(b, r.line().getCoordinates());
      }
    }
    if (b[0] == Double.MAX_VALUE) {
      b = new double[] {0, 0, 0.01, 0.01};
    }
    // alarms and tracks near the park widen the view; far outliers do not shrink the plan to a dot
    double spanLon = b[2] - b[0];
    double spanLat = b[3] - b[1];
    double[] limit = {b[0] - spanLon * 0.3, b[1] - spanLat * 0.3, b[2] + spanLon * 0.3, b[3] + spanLat * 0.3};
    for (Marker m : markers) {
      extendWithin(b, limit, m.lon(), m.lat());
    }
    for (Track t : tracks) {
      for (double[] ll : t.lonLats()) {
        extendWithin(b, limit, ll[0], ll[1]);
      }
    }
    double lon0 = (b[0] + b[2]) / 2;
    double lat0 = (b[1] + b[3]) / 2;
    double kx = METRES_PER_DEGREE_LON * Math.cos(Math.toRadians(lat0));
    double w = Math.max(1, (b[2] - b[0]) * kx);
    double h = Math.max(1, (b[3] - b[1]) * METRES_PER_DEGREE_LAT);
    double margin = 36;
    double drawW = width - 2 * margin;
    double drawH = height - legendHeight - 2 * margin;
    double scale = Math.min(drawW / w, drawH / h);
    return new Projection(lon0, lat0, kx, scale, width / 2.0, margin + drawH / 2);
  }

  private static void extend(double[] b, Coordinate[] coordinates) {
    for (Coordinate c : coordinates) {
      b[0] = Math.min(b[0], c.x);
      b[1] = Math.min(b[1], c.y);
      b[2] = Math.max(b[2], c.x);
      b[3] = Math.max(b[3], c.y);
    }
  }

  private static void extendWithin(double[] b, double[] limit, double lon, double lat) {
    if (lon >= limit[0] && lon <= limit[2] && lat >= limit[1] && lat <= limit[3]) {
      b[0] = Math.min(b[0], lon);
      b[1] = Math.min(b[1], lat);
      b[2] = Math.max(b[2], lon);
      b[3] = Math.max(b[3], lat);
    }
  }

  private record Projection(double lon0, double lat0, double kx, double scale, double cx, double cy) {
    double x(double lon) {
      return cx + (lon - lon0) * kx * scale;
    }

    double y(double lat) {
      return cy - (lat - lat0) * METRES_PER_DEGREE_LAT * scale;
    }

    Path2D path(Coordinate[] coordinates, boolean closed) {
      Path2D.Double path = new Path2D.Double();
      for (int i = 0; i < coordinates.length; i++) {
        if (i == 0) {
          path.moveTo(x(coordinates[i].x), y(coordinates[i].y));
        } else {
          path.lineTo(x(coordinates[i].x), y(coordinates[i].y));
        }
      }
      if (closed) {
        path.closePath();
      }
      return path;
    }
  }

  private void drawPlan(Graphics2D g, Projection p) {
    for (ControlZone zone : park.zones()) {
      Color c = zoneColour(zone.zoneClass());
      Path2D area = p.path(zone.area().getExteriorRing().getCoordinates(), true);
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 46));
      g.fill(area);
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
      g.setStroke(new BasicStroke(1.6f));
      g.draw(area);
    }
    for (ParkingLot lot : park.parkingLots()) {
      Path2D area = p.path(lot.area().getExteriorRing().getCoordinates(), true);
      g.setColor(new Color(0x90, 0xa4, 0xae, 60));
      g.fill(area);
      g.setColor(new Color(0x78, 0x90, 0x9c));
      g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4, new float[] {4, 3}, 0));
      g.draw(area);
    }
    for (Road road : park.roads()) {
      Path2D line = p.path(road.line().getCoordinates(), false);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(line);
      g.setColor(road.roadClass() == RoadClass.HAZMAT ? HAZMAT_ROAD : ROAD);
      g.setStroke(road.roadClass() == RoadClass.HAZMAT
          ? new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 4, new float[] {14, 9}, 0)
          : new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(line);
    }
    g.setColor(PERIMETER);
    g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (PerimeterSegment s : park.perimeter()) {
      g.draw(p.path(s.line().getCoordinates(), false));
    }
    g.setFont(fonts.apply(Font.PLAIN, 24f));
    for (ControlZone zone : park.zones()) {
      org.locationtech.jts.geom.Point centre = zone.area().getInteriorPoint();
      label(g, zone.name(), p.x(centre.getX()), p.y(centre.getY()), zoneColour(zone.zoneClass()).darker(), true);
    }
    g.setFont(fonts.apply(Font.PLAIN, 21f));
    for (Gate gate : park.gates()) {
      double x = p.x(gate.position().getX());
      double y = p.y(gate.position().getY());
      g.setColor(Color.WHITE);
      g.fill(new Rectangle2D.Double(x - 10, y - 10, 20, 20));
      g.setColor(GATE);
      g.setStroke(new BasicStroke(3.5f));
      g.draw(new Rectangle2D.Double(x - 10, y - 10, 20, 20));
      label(g, gate.name(), x + 14, y - 14, GATE, false);
    }
  }

  private void drawTracks(Graphics2D g, Projection p, List<Track> tracks) {
    g.setFont(fonts.apply(Font.BOLD, 22f));
    for (int i = 0; i < tracks.size(); i++) {
      Track t = tracks.get(i);
      if (t.lonLats().isEmpty()) {
        continue;
      }
      Color c = TRACKS[i % TRACKS.length];
      Path2D.Double path = new Path2D.Double();
      for (int k = 0; k < t.lonLats().size(); k++) {
        double[] ll = t.lonLats().get(k);
        if (k == 0) {
          path.moveTo(p.x(ll[0]), p.y(ll[1]));
        } else {
          path.lineTo(p.x(ll[0]), p.y(ll[1]));
        }
      }
      g.setColor(c);
      g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(path);
      double[] first = t.lonLats().get(0);
      double[] last = t.lonLats().get(t.lonLats().size() - 1);
      g.fill(new Ellipse2D.Double(p.x(first[0]) - 6, p.y(first[1]) - 6, 12, 12));
      g.setStroke(new BasicStroke(3f));
      g.setColor(Color.WHITE);
      g.fill(new Ellipse2D.Double(p.x(last[0]) - 9, p.y(last[1]) - 9, 18, 18));
      g.setColor(c);
      g.draw(new Ellipse2D.Double(p.x(last[0]) - 9, p.y(last[1]) - 9, 18, 18));
      label(g, t.plate(), p.x(last[0]) + 14, p.y(last[1]) + 8, c, false);
    }
  }

  private void drawMarkers(Graphics2D g, Projection p, List<Marker> markers) {
    g.setFont(fonts.apply(Font.BOLD, 24f));
    for (Marker m : markers) {
      double x = p.x(m.lon());
      double y = p.y(m.lat());
      g.setColor(new Color(0xe5, 0x1c, 0x23, 60));
      g.fill(new Ellipse2D.Double(x - 34, y - 34, 68, 68));
      g.setColor(ALARM);
      g.fill(new Ellipse2D.Double(x - 19, y - 19, 38, 38));
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(3f));
      g.draw(new Ellipse2D.Double(x - 19, y - 19, 38, 38));
      FontMetrics fm = g.getFontMetrics();
      g.drawString(m.label(), (float) (x - fm.stringWidth(m.label()) / 2.0), (float) (y + fm.getAscent() / 2.0 - 2));
    }
  }

  private void drawScale(Graphics2D g, Projection p) {
    double metresPerPixel = 1 / p.scale();
    double target = 260 * metresPerPixel;
    double nice = Math.pow(10, Math.floor(Math.log10(target)));
    for (double f : new double[] {5, 2, 1}) {
      if (f * nice <= target) {
        nice = f * nice;
        break;
      }
    }
    int px = (int) Math.round(nice / metresPerPixel);
    int x = 24;
    int y = height - legendHeight - 18;
    g.setColor(PERIMETER);
    g.setStroke(new BasicStroke(3f));
    g.drawLine(x, y, x + px, y);
    g.drawLine(x, y - 6, x, y);
    g.drawLine(x + px, y - 6, x + px, y);
    g.setFont(fonts.apply(Font.PLAIN, 22f));
    String text = nice >= 1000 ? (nice / 1000) + " km" : (int) nice + " m";
    g.drawString(text, x + px + 8, y + 4);
  }

  private void drawNorth(Graphics2D g, ReportTexts texts) {
    int x = width - 56;
    int y = 56;
    Path2D.Double arrow = new Path2D.Double();
    arrow.moveTo(x, y - 28);
    arrow.lineTo(x + 14, y + 16);
    arrow.lineTo(x, y + 7);
    arrow.lineTo(x - 14, y + 16);
    arrow.closePath();
    g.setColor(PERIMETER);
    g.fill(arrow);
    g.setFont(fonts.apply(Font.BOLD, 22f));
    String n = texts.get("map.north");
    g.drawString(n, x - g.getFontMetrics().stringWidth(n) / 2, y + 42);
  }

  /** A legend entry: its text and how to draw its symbol at (x, y). */
  private record LegendItem(String text, java.util.function.BiConsumer<Integer, Integer> symbol) {}

  private void drawLegend(Graphics2D g, ReportTexts texts, boolean withTracks) {
    int top = height - legendHeight;
    g.setColor(new Color(0xee, 0xf2, 0xf6));
    g.fillRect(0, top, width, legendHeight);
    g.setColor(new Color(0xc9, 0xd1, 0xda));
    g.drawLine(0, top, width, top);
    List<LegendItem> items = new ArrayList<>(List.of(
        new LegendItem(texts.get("map.legend.core"), (x, y) -> swatch(g, x, y, CORE)),
        new LegendItem(texts.get("map.legend.key"), (x, y) -> swatch(g, x, y, KEY)),
        new LegendItem(texts.get("map.legend.general"), (x, y) -> swatch(g, x, y, GENERAL)),
        new LegendItem(texts.get("map.legend.perimeter"), (x, y) -> stroke(g, x, y, PERIMETER, new BasicStroke(4.5f))),
        new LegendItem(texts.get("map.legend.road"), (x, y) -> stroke(g, x, y, ROAD, new BasicStroke(4.5f))),
        new LegendItem(texts.get("map.legend.hazmatRoad"), (x, y) -> stroke(g, x, y, HAZMAT_ROAD,
            new BasicStroke(4.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, new float[] {8, 5}, 0))),
        new LegendItem(texts.get("map.legend.gate"), (x, y) -> {
          g.setColor(GATE);
          g.setStroke(new BasicStroke(3.5f));
          g.draw(new Rectangle2D.Double(x + 6, y - 10, 20, 20));
        }),
        new LegendItem(texts.get("map.legend.alarm"), (x, y) -> {
          g.setColor(ALARM);
          g.fill(new Ellipse2D.Double(x + 4, y - 12, 24, 24));
        })));
    if (withTracks) {
      items.add(new LegendItem(texts.get("map.legend.track"), (x, y) -> stroke(g, x, y, TRACKS[0], new BasicStroke(5f))));
    }
    g.setFont(fonts.apply(Font.PLAIN, 23f));
    FontMetrics fm = g.getFontMetrics();
    int total = items.stream().mapToInt(i -> 74 + fm.stringWidth(i.text())).sum();
    boolean twoRows = total > width - 48;
    int x = 24;
    int row = 0;
    for (int i = 0; i < items.size(); i++) {
      if (twoRows && row == 0 && i == (items.size() + 1) / 2) {
        row = 1;
        x = 24;
      }
      int y = twoRows ? top + 24 + row * 38 : top + legendHeight / 2;
      LegendItem item = items.get(i);
      item.symbol().accept(x, y);
      g.setColor(new Color(0x1f, 0x29, 0x37));
      g.drawString(item.text(), x + 40, y + 8);
      x += 74 + fm.stringWidth(item.text());
    }
  }

  private static void swatch(Graphics2D g, int x, int y, Color c) {
    g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
    g.fillRect(x, y - 11, 32, 22);
    g.setColor(c);
    g.setStroke(new BasicStroke(2f));
    g.drawRect(x, y - 11, 32, 22);
  }

  private static void stroke(Graphics2D g, int x, int y, Color c, BasicStroke s) {
    g.setColor(c);
    g.setStroke(s);
    g.drawLine(x, y, x + 32, y);
  }

  /** A label on a white halo; one that would run off the right edge goes to the left of its point instead. */
  private void label(Graphics2D g, String text, double x, double y, Color colour, boolean centred) {
    FontMetrics fm = g.getFontMetrics();
    float tx = (float) (centred ? x - fm.stringWidth(text) / 2.0 : x);
    if (!centred && tx + fm.stringWidth(text) > width - 8) {
      tx = (float) (x - fm.stringWidth(text) - 28);
    }
    float ty = (float) (centred ? y + fm.getAscent() / 2.0 - 2 : y);
    g.setColor(new Color(255, 255, 255, 200));
    g.fill(new Rectangle2D.Double(tx - 3, ty - fm.getAscent(), fm.stringWidth(text) + 6, fm.getAscent() + fm.getDescent()));
    g.setColor(colour);
    g.drawString(text, tx, ty);
  }

  private static Color zoneColour(ZoneClass zoneClass) {
    return switch (zoneClass) {
      case CORE -> CORE;
      case KEY -> KEY;
      case GENERAL -> GENERAL;
    };
  }
}
