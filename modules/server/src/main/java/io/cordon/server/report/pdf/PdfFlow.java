package io.cordon.server.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Lays report content down A4 portrait pages from top to bottom: banner, headings, wrapped paragraphs, label/value
 * fields, tables that continue on the next page with their header repeated, and images. Page numbers and the
 * running footer are stamped on every page by {@link #finish}.
 */
public final class PdfFlow {
  public static final float MARGIN = 48;
  public static final Color INK = new Color(0x1f, 0x29, 0x37);
  public static final Color MUTED = new Color(0x5b, 0x67, 0x75);
  public static final Color ACCENT = new Color(0x0d, 0x3b, 0x66);
  public static final Color RULE = new Color(0xc9, 0xd1, 0xda);
  public static final Color BAND = new Color(0xee, 0xf2, 0xf6);
  private static final float FOOTER = 28;

  private final PDDocument document;
  private final ReportFont font;
  private final PDRectangle size = PDRectangle.A4;
  private PDPage page;
  private PDPageContentStream content;
  private float y;

  public PdfFlow(PDDocument document, ReportFont font) {
    this.document = document;
    this.font = font;
    newPage();
  }

  public PDDocument document() {
    return document;
  }

  public ReportFont font() {
    return font;
  }

  /** Width available between the margins. */
  public float width() {
    return size.getWidth() - 2 * MARGIN;
  }

  /** Height left on the current page. */
  public float remaining() {
    return y - (MARGIN + FOOTER);
  }

  public void newPage() {
    closeContent();
    page = new PDPage(size);
    document.addPage(page);
    try {
      content = new PDPageContentStream(document, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = size.getHeight() - MARGIN;
  }

  /** Starts a new page unless {@code height} still fits on this one. */
  public void ensure(float height) {
    if (remaining() < height) {
      newPage();
    }
  }

  public void space(float height) {
    y -= height;
  }

  /** A filled band across the page top with a large title and a subtitle under it. */
  public void banner(String title, String subtitle, String corner) {
    float height = 64;
    fill(ACCENT, 0, size.getHeight() - height - 20, size.getWidth(), height + 20);
    text(title, MARGIN, size.getHeight() - 44, 20, Color.WHITE, true);
    text(subtitle, MARGIN, size.getHeight() - 66, 10.5f, new Color(0xd6, 0xe4, 0xf0), false);
    String c = font.printable(corner);
    text(c, size.getWidth() - MARGIN - font.width(c, 9), size.getHeight() - 44, 9, new Color(0xd6, 0xe4, 0xf0), false);
    y = size.getHeight() - height - 20 - 22;
  }

  /** A section heading with a rule under it; moves to a new page when less than {@code keepWith} would follow. */
  public void heading(String text, float keepWith) {
    ensure(34 + keepWith);
    space(8);
    text(text, MARGIN, y - 13, 13, ACCENT, true);
    y -= 19;
    line(RULE, MARGIN, y, MARGIN + width(), y, 0.8f);
    y -= 9;
  }

  /** Wrapped text across the content width. */
  public void paragraph(String text, float fontSize, Color colour) {
    float leading = fontSize * 1.45f;
    for (String line : wrap(text, fontSize, width())) {
      ensure(leading);
      text(line, MARGIN, y - fontSize, fontSize, colour, false);
      y -= leading;
    }
  }

  /** Label/value pairs, two to a row; a value that does not fit wraps under its label column. */
  public void fields(List<String[]> pairs, float fontSize) {
    float half = width() / 2;
    float labelWidth = 74;
    float leading = fontSize * 1.5f;
    for (int i = 0; i < pairs.size(); i += 2) {
      List<List<String>> cells = new ArrayList<>();
      int lines = 1;
      for (int j = i; j < Math.min(i + 2, pairs.size()); j++) {
        boolean wide = j == i && i + 1 >= pairs.size();
        List<String> value = wrap(pairs.get(j)[1], fontSize, (wide ? width() : half) - labelWidth - 8);
        cells.add(value);
        lines = Math.max(lines, value.size());
      }
      ensure(lines * leading + 4);
      for (int j = 0; j < cells.size(); j++) {
        float x = MARGIN + j * half;
        text(pairs.get(i + j)[0], x, y - fontSize, fontSize, MUTED, false);
        for (int k = 0; k < cells.get(j).size(); k++) {
          text(cells.get(j).get(k), x + labelWidth, y - fontSize - k * leading, fontSize, INK, false);
        }
      }
      y -= lines * leading + 3;
    }
  }

  /**
   * A table: column widths as fractions of the content width, a shaded header repeated on every page the table
   * runs onto, rows with wrapped cells and light zebra stripes.
   */
  public void table(float[] fractions, List<String> header, List<List<String>> rows, float fontSize) {
    float[] widths = new float[fractions.length];
    float total = 0;
    for (float f : fractions) {
      total += f;
    }
    for (int i = 0; i < fractions.length; i++) {
      widths[i] = width() * fractions[i] / total;
    }
    float leading = fontSize * 1.35f;
    float pad = 3;
    ensure(2 * (leading + 2 * pad));
    drawRow(widths, header, fontSize, leading, pad, BAND, MUTED, true);
    int index = 0;
    for (List<String> row : rows) {
      List<List<String>> cells = cells(widths, row, fontSize, pad);
      float height = height(cells, leading, pad);
      if (remaining() < height) {
        newPage();
        drawRow(widths, header, fontSize, leading, pad, BAND, MUTED, true);
      }
      drawCells(widths, cells, fontSize, leading, pad, index++ % 2 == 1 ? new Color(0xf7, 0xf9, 0xfb) : null, INK,
          false);
    }
    space(6);
  }

  private void drawRow(float[] widths, List<String> row, float fontSize, float leading, float pad, Color background,
      Color colour, boolean bold) {
    drawCells(widths, cells(widths, row, fontSize, pad), fontSize, leading, pad, background, colour, bold);
  }

  private List<List<String>> cells(float[] widths, List<String> row, float fontSize, float pad) {
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      cells.add(wrap(i < row.size() ? row.get(i) : "", fontSize, widths[i] - 2 * pad));
    }
    return cells;
  }

  private static float height(List<List<String>> cells, float leading, float pad) {
    int lines = 1;
    for (List<String> cell : cells) {
      lines = Math.max(lines, cell.size());
    }
    return lines * leading + 2 * pad;
  }

  private void drawCells(float[] widths, List<List<String>> cells, float fontSize, float leading, float pad,
      Color background, Color colour, boolean bold) {
    float height = height(cells, leading, pad);
    if (background != null) {
      fill(background, MARGIN, y - height, width(), height);
    }
    float x = MARGIN;
    for (int i = 0; i < widths.length; i++) {
      List<String> lines = cells.get(i);
      for (int k = 0; k < lines.size(); k++) {
        text(lines.get(k), x + pad, y - pad - fontSize - k * leading + 1, fontSize, colour, bold);
      }
      x += widths[i];
    }
    y -= height;
    line(RULE, MARGIN, y, MARGIN + width(), y, 0.4f);
  }

  /** An image scaled to fit {@code maxWidth} × {@code maxHeight}, centred, with a caption under it. */
  public void image(PDImageXObject image, float maxWidth, float maxHeight, String caption) {
    float scale = Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight());
    float w = image.getWidth() * scale;
    float h = image.getHeight() * scale;
    ensure(h + 20);
    float x = MARGIN + (width() - w) / 2;
    try {
      content.drawImage(image, x, y - h, w, h);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stroke(RULE, x, y - h, w, h, 0.6f);
    y -= h + 4;
    if (!caption.isEmpty()) {
      paragraph(caption, 8, MUTED);
    }
  }

  /**
   * Images side by side in a grid of {@code columns}, each with its caption; a missing image draws a framed box
   * with {@code missingText[i]} inside instead.
   */
  public void imageGrid(List<PDImageXObject> images, List<String> captions, List<String> missingTexts, int columns,
      float cellHeight) {
    float gap = 12;
    float cellWidth = (width() - gap * (columns - 1)) / columns;
    for (int i = 0; i < captions.size(); i += columns) {
      float rowHeight = cellHeight + 30;
      ensure(rowHeight);
      for (int j = i; j < Math.min(i + columns, captions.size()); j++) {
        float x = MARGIN + (j - i) * (cellWidth + gap);
        PDImageXObject image = images.get(j);
        if (image != null) {
          float scale = Math.min(cellWidth / image.getWidth(), cellHeight / image.getHeight());
          float w = image.getWidth() * scale;
          float h = image.getHeight() * scale;
          try {
            content.drawImage(image, x + (cellWidth - w) / 2, y - h, w, h);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          stroke(RULE, x + (cellWidth - w) / 2, y - h, w, h, 0.6f);
        } else {
          fill(BAND, x, y - cellHeight, cellWidth, cellHeight);
          stroke(RULE, x, y - cellHeight, cellWidth, cellHeight, 0.6f);
          List<String> lines = wrap(missingTexts.get(j), 9, cellWidth - 20);
          for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            text(line, x + (cellWidth - font.width(line, 9)) / 2, y - cellHeight / 2 - k * 13 + 4, 9, MUTED, false);
          }
        }
        List<String> caption = wrap(captions.get(j), 8, cellWidth);
        for (int k = 0; k < Math.min(2, caption.size()); k++) {
          text(caption.get(k), x, y - cellHeight - 11 - k * 10, 8, INK, false);
        }
      }
      y -= rowHeight;
    }
  }

  /** Draws on every page: {@code header} at the top right (from page 2) and {@code footer(page, total)} at the bottom. */
  public void finish(String header, java.util.function.BiFunction<Integer, Integer, String> footer) {
    closeContent();
    int total = document.getNumberOfPages();
    for (int i = 0; i < total; i++) {
      PDPage p = document.getPage(i);
      try (PDPageContentStream stamp = new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND,
          true, true)) {
        content = stamp;
        if (i > 0) {
          String h = font.printable(header);
          text(h, size.getWidth() - MARGIN - font.width(h, 8), size.getHeight() - 30, 8, MUTED, false);
          line(RULE, MARGIN, size.getHeight() - 36, size.getWidth() - MARGIN, size.getHeight() - 36, 0.5f);
        }
        line(RULE, MARGIN, MARGIN + 14, size.getWidth() - MARGIN, MARGIN + 14, 0.5f);
        String f = font.printable(footer.apply(i + 1, total));
        text(f, (size.getWidth() - font.width(f, 8)) / 2, MARGIN, 8, MUTED, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        content = null;
      }
    }
  }

  /** Splits text into lines no wider than {@code maxWidth}, at spaces where possible, else between characters. */
  public List<String> wrap(String text, float fontSize, float maxWidth) {
    String printable = font.printable(text == null ? "" : text);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int lastSpace = -1;
    int[] cps = printable.codePoints().toArray();
    for (int cp : cps) {
      line.appendCodePoint(cp);
      if (cp == ' ') {
        lastSpace = line.length();
      }
      if (font.width(line.toString(), fontSize) > maxWidth && line.length() > 1) {
        String carry;
        if (lastSpace > 0 && lastSpace < line.length()) {
          carry = line.substring(lastSpace);
          line.setLength(lastSpace);
        } else {
          carry = line.substring(line.length() - Character.charCount(cp));
          line.setLength(line.length() - Character.charCount(cp));
        }
        lines.add(line.toString().stripTrailing());
        line = new StringBuilder(carry.stripLeading());
        lastSpace = -1;
      }
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Text at a position (already within the page); {@code bold} fakes a bold face by stroking the outlines. */
  public void text(String text, float x, float baseline, float fontSize, Color colour, boolean bold) {
    String printable = font.printable(text);
    if (printable.isEmpty()) {
      return;
    }
    try {
      content.beginText();
      content.setFont(font.pdf(), fontSize);
      content.setNonStrokingColor(colour);
      if (bold) {
        content.setStrokingColor(colour);
        content.setLineWidth(fontSize / 40f);
        content.setRenderingMode(RenderingMode.FILL_STROKE);
      } else {
        content.setRenderingMode(RenderingMode.FILL);
      }
      content.newLineAtOffset(x, baseline);
      content.showText(printable);
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void fill(Color colour, float x, float yBottom, float w, float h) {
    try {
      content.setNonStrokingColor(colour);
      content.addRect(x, yBottom, w, h);
      content.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void stroke(Color colour, float x, float yBottom, float w, float h, float lineWidth) {
    try {
      content.setStrokingColor(colour);
      content.setLineWidth(lineWidth);
      content.addRect(x, yBottom, w, h);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void line(Color colour, float x1, float y1, float x2, float y2, float lineWidth) {
    try {
      content.setStrokingColor(colour);
      content.setLineWidth(lineWidth);
      content.moveTo(x1, y1);
      content.lineTo(x2, y2);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The current vertical position (points from the page bottom). */
  public float y() {
    return y;
  }

  private void closeContent() {
    if (content != null) {
      try {
        content.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      content = null;
    }
  }
}
