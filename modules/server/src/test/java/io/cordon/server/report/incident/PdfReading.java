package io.cordon.server.report.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/** A rendered report parsed back with PDFBox: its text per page and its images. */
record PdfReading(List<String> pages, List<List<String>> imageKinds) {

  static PdfReading of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      List<List<String>> images = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= document.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(document));
        PDPage page = document.getPage(i - 1);
        List<String> kinds = new ArrayList<>();
        for (COSName name : page.getResources().getXObjectNames()) {
          PDXObject object = page.getResources().getXObject(name);
          if (object instanceof PDImageXObject image) {
            kinds.add(image.getSuffix());
          }
        }
        images.add(kinds);
      }
      return new PdfReading(pages, images);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String text() {
    return String.join("\n", pages);
  }

  /** Index of the first page whose text contains {@code s}, or -1. */
  int pageWith(String s) {
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i).contains(s)) {
        return i;
      }
    }
    return -1;
  }

  /** Images whose stored form is a JPEG (the key frames), in the whole document. */
  long jpegImages() {
    return imageKinds.stream().flatMap(List::stream).filter("jpg"::equals).count();
  }
}
