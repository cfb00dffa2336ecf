package io.cordon.client.track;

import io.cordon.api.v1.Goods;
import io.cordon.api.v1.QuantityUnit;
import java.util.Locale;

/**
 * One line of a permit's goods as the vehicle panel shows it: "UN1203 汽油 3类 28.5 t".
 *
 * @param unNumber always with the "UN" prefix, e.g. "UN1203"; empty if none was given
 * @param hazardClass GB 6944 class or division as printed: "3", "2.3"
 * @param unit symbol: t, kg, L, m³, 件 (empty if unknown)
 * @param wasteCode hazardous waste code (HW08) or empty
 */
public record GoodsLine(String unNumber, String name, String hazardClass, String amount, String unit,
    String wasteCode) {

  static GoodsLine of(Goods goods) {
    String un = goods.getUnNumber().strip();
    if (!un.isEmpty() && !un.toUpperCase(Locale.ROOT).startsWith("UN")) {
      un = "UN" + un;
    }
    return new GoodsLine(un.toUpperCase(Locale.ROOT), goods.getName(), goods.getHazardClass(), goods.getAmount(),
        unit(goods.getUnit()), goods.getWasteCode());
  }

  /** The Chinese line: "UN1203 汽油 3类 28.5 t" (parts that are missing are left out). */
  public String text() {
    StringBuilder line = new StringBuilder();
    append(line, unNumber);
    append(line, name);
    append(line, hazardClass.isEmpty() ? "" : hazardClass + "类");
    append(line, wasteCode);
    append(line, amount.isEmpty() ? "" : (unit.isEmpty() ? amount : amount + " " + unit));
    return line.toString();
  }

  private static void append(StringBuilder line, String part) {
    if (!part.isEmpty()) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(part);
    }
  }

  static String unit(QuantityUnit unit) {
    switch (unit) {
      case QUANTITY_UNIT_KILOGRAM:
        return "kg";
      case QUANTITY_UNIT_TONNE:
        return "t";
      case QUANTITY_UNIT_LITRE:
        return "L";
      case QUANTITY_UNIT_CUBIC_METRE:
        return "m³";
      case QUANTITY_UNIT_PIECE:
        return "件";
      default:
        return "";
    }
  }
}
