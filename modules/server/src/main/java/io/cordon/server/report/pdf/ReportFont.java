package io.cordon.server.report.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report font opened for one document: embedded as a subset (only the glyphs used), and the same face for
 * Java2D pictures drawn into it. Open it per document and close it after the document is saved (subsetting reads
 * the font file while saving).
 */
public final class ReportFont implements AutoCloseable {
  private final TrueTypeCollection collection;
  private final TrueTypeFont ttf;
  private final PDType0Font font;
  private final Path file;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();

  private ReportFont(TrueTypeCollection collection, TrueTypeFont ttf, PDType0Font font, Path file) {
    this.collection = collection;
    this.ttf = ttf;
    this.font = font;
    this.file = file;
  }

  /** Opens {@code file} (.ttc: its first proportional face) and loads it into {@code document} for subsetting. */
  public static ReportFont open(Path file, PDDocument document) {
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
        TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
        AtomicReference<TrueTypeFont> chosen = new AtomicReference<>();
        collection.processAllFonts(f -> {
          if (chosen.get() == null && !f.getName().toLowerCase(Locale.ROOT).contains("mono")) {
            chosen.set(f);
          }
        });
        if (chosen.get() == null) {
          collection.close();
          throw new IllegalStateException("no usable face in " + file);
        }
        return new ReportFont(collection, chosen.get(), PDType0Font.load(document, chosen.get(), true), file);
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
      return new ReportFont(null, ttf, PDType0Font.load(document, ttf, true), file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the report font " + file, e);
    }
  }

  public PDType0Font pdf() {
    return font;
  }

  /** The same face for Java2D, at {@code size} points. */
  public Font awt(int style, float size) {
    try {
      Font[] faces = Font.createFonts(file.toFile());
      Font face = faces[0];
      for (Font f : faces) {
        if (!f.getFontName().toLowerCase(Locale.ROOT).contains("mono")) {
          face = f;
          break;
        }
      }
      return face.deriveFont(style, size);
    } catch (IOException | FontFormatException e) {
      return new Font(Font.SANS_SERIF, style, Math.round(size));
    }
  }

  /**
   * The text as the font can show it: line breaks and tabs become spaces, control characters go, characters
   * without a glyph become '?' (PDFBox refuses to show them).
   */
  public String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\n' || cp == '\r' || cp == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(cp)) {
        return;
      } else if (glyphs.computeIfAbsent(cp, this::hasGlyph)) {
        out.appendCodePoint(cp);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }

  private boolean hasGlyph(int codePoint) {
    try {
      font.encode(new String(Character.toChars(codePoint)));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Width of already printable text in points. */
  public float width(String printable, float size) {
    try {
      return font.getStringWidth(printable) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (collection != null) {
        collection.close();
      } else {
        ttf.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
