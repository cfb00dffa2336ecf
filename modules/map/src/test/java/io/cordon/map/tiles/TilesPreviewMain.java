package io.cordon.map.tiles;

import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Throwaway visual check (not a test): writes a labelled checkerboard tile set over the test park,
 * shows the map with it under Xvfb and saves snapshots at three zoom levels to /tmp/tiles-*.png.
 * Run: {@code DISPLAY=:96 java -cp <test classpath> io.cordon.map.tiles.TilesPreviewMain}.
 */
public final class TilesPreviewMain {
  private TilesPreviewMain() {}

  /** A plain main, so the JVM starts without JavaFX on the module path. */
  public static void main(String[] args) {
    Application.launch(Preview.class, args);
  }

  /** The preview window. */
  public static final class Preview extends Application {
    private static final int MIN_Z = 12;
    private static final int MAX_Z = 16;
    private ParkMapView map;

    @Override
    public void start(Stage stage) throws Exception {
      Path folder = Files.createTempDirectory("tiles-preview");
      for (int z = MIN_Z; z <= MAX_Z; z++) {
        LonLatBounds area = z < 15 ? TilesTestPark.SURROUNDINGS : new LonLatBounds(120.90, 31.92, 120.99, 31.97);
        for (TileKey key : TileFixtures.tilesCovering(area, z)) {
          Path file = folder.resolve(z + "/" + key.x() + "/" + key.y() + ".png");
          Files.createDirectories(file.getParent());
          ImageIO.write(labelledTile(key), "png", file.toFile());
        }
      }
      map = new ParkMapView();
      map.setPark(TilesTestPark.park());
      stage.setScene(new Scene(map, 1400, 900));
      stage.setTitle("tiles preview");
      stage.show();

      after(1.5, () -> save("/tmp/tiles-none.png"));
      after(2.0, () -> map.state().tilesProperty().set(open(folder)));
      after(4.0, () -> save("/tmp/tiles-fit.png"));
      after(4.5, () -> map.state().moveTo(map.state().viewport().zoomAt(4, 700, 450)));
      after(7.0, () -> save("/tmp/tiles-zoom4.png"));
      after(7.5, () -> map.state().moveTo(map.state().viewport().zoomAt(8, 700, 450)));
      after(10.0, () -> save("/tmp/tiles-zoom32-overzoom.png"));
      after(10.5, () -> {
        MapViewport v = map.state().viewport();
        map.state().moveTo(v.zoomAt(1 / 16.0, 700, 450).panBy(-250, 120));
      });
      after(10.52, () -> save("/tmp/tiles-panning-fallback.png"));
      after(13.0, () -> save("/tmp/tiles-zoom2-panned.png"));
      after(14.0, Platform::exit);
    }

    private static TileSource open(Path folder) {
      try {
        return TileSources.open(folder);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private static void after(double seconds, Runnable action) {
      PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
      pause.setOnFinished(e -> action.run());
      pause.play();
    }

    /** A muted gradient tile, checkered by parity, with its border and z/x/y written in it. */
    private static BufferedImage labelledTile(TileKey key) {
      BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      boolean odd = ((key.x() + key.y()) & 1) == 1;
      Color a = odd ? new Color(46, 64, 58) : new Color(58, 72, 88);
      Color b = odd ? new Color(70, 92, 74) : new Color(80, 90, 116);
      g.setPaint(new GradientPaint(0, 0, a, 256, 256, b));
      g.fillRect(0, 0, 256, 256);
      g.setColor(new Color(200, 200, 200, 120));
      g.setStroke(new BasicStroke(2));
      g.drawRect(1, 1, 254, 254);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
      g.drawString(key.toString(), 12, 36);
      g.dispose();
      return image;
    }

    private void save(String file) {
      WritableImage snapshot = map.getScene().snapshot(null);
      PixelReader pixels = snapshot.getPixelReader();
      int w = (int) snapshot.getWidth();
      int h = (int) snapshot.getHeight();
      BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out.setRGB(x, y, pixels.getArgb(x, y));
        }
      }
      try {
        ImageIO.write(out, "png", Path.of(file).toFile());
        System.out.println("wrote " + file);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
