package io.cordon.video.tile;

import io.cordon.video.camera.WallCamera;
import io.cordon.video.vlc.FrameSurface;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * Writes a tile's picture as PNG with the camera and the capture time in its text chunks, straight
 * from the pixel buffer with javax.imageio (no javafx-swing). Latin-1 values go into tEXt, others
 * (Chinese camera names) into iTXt, which is UTF-8.
 */
public final class TileSnapshot {
  public static final String KEY_CAMERA_ID = "Cordon-Camera-Id";
  public static final String KEY_CAMERA_NAME = "Cordon-Camera-Name";
  public static final String KEY_ZONE = "Cordon-Zone";
  /** ISO-8601 instant, UTC. */
  public static final String KEY_CAPTURED_AT = "Cordon-Captured-At";
  /** The PNG-registered keyword for the same time, RFC 1123. */
  public static final String KEY_CREATION_TIME = "Creation Time";
  private static final String PNG_FORMAT = "javax_imageio_png_1.0";
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private TileSnapshot() {
  }

  /** Writes the picture into {@code dir} as {cameraId}-{yyyyMMdd-HHmmss}Z.png and returns the file. */
  public static Path writeInto(Path dir, FrameSurface.Picture picture, WallCamera camera, Instant capturedAt) throws IOException {
    Files.createDirectories(dir);
    String safeId = camera.id().value().replaceAll("[^A-Za-z0-9._-]", "_");
    Path file = dir.resolve(safeId + "-" + FILE_TIME.format(capturedAt) + "Z.png");
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out, picture, camera, capturedAt);
    }
    return file;
  }

  public static void write(OutputStream out, FrameSurface.Picture picture, WallCamera camera, Instant capturedAt) throws IOException {
    BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, picture.width(), picture.height(), picture.argb(), 0, picture.width());
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      Map<String, String> text = new LinkedHashMap<>();
      text.put(KEY_CAMERA_ID, camera.id().value());
      text.put(KEY_CAMERA_NAME, camera.name());
      text.put(KEY_ZONE, camera.zoneName());
      text.put(KEY_CAPTURED_AT, capturedAt.toString());
      text.put(KEY_CREATION_TIME, DateTimeFormatter.RFC_1123_DATE_TIME.format(capturedAt.atOffset(ZoneOffset.UTC)));
      addText(metadata, text);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } finally {
      writer.dispose();
    }
  }

  private static void addText(IIOMetadata metadata, Map<String, String> text) throws IIOInvalidTreeException {
    IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
    IIOMetadataNode latin = new IIOMetadataNode("tEXt");
    IIOMetadataNode international = new IIOMetadataNode("iTXt");
    text.forEach((key, value) -> {
      if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)) {
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", key);
        entry.setAttribute("value", value);
        latin.appendChild(entry);
      } else {
        IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
        entry.setAttribute("keyword", key);
        entry.setAttribute("compressionFlag", "FALSE");
        entry.setAttribute("compressionMethod", "0");
        entry.setAttribute("languageTag", "");
        entry.setAttribute("translatedKeyword", "");
        entry.setAttribute("text", value);
        international.appendChild(entry);
      }
    });
    if (latin.hasChildNodes()) {
      root.appendChild(latin);
    }
    if (international.hasChildNodes()) {
      root.appendChild(international);
    }
    metadata.mergeTree(PNG_FORMAT, root);
  }

  /** The text chunks (tEXt and iTXt) of a PNG, keyword to value. */
  public static Map<String, String> readText(InputStream in) throws IOException {
    Map<String, String> text = new LinkedHashMap<>();
    try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
      if (!readers.hasNext()) {
        throw new IOException("not an image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(iis);
        Node root = reader.getImageMetadata(0).getAsTree(PNG_FORMAT);
        for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
          boolean latin = "tEXt".equals(chunk.getNodeName());
          if (!latin && !"iTXt".equals(chunk.getNodeName())) {
            continue;
          }
          for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
            IIOMetadataNode e = (IIOMetadataNode) entry;
            text.put(e.getAttribute("keyword"), latin ? e.getAttribute("value") : e.getAttribute("text"));
          }
        }
      } finally {
        reader.dispose();
      }
    }
    return text;
  }
}
