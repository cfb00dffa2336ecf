package io.cordon.domain.hazmat;

/** Units a declared quantity is given in. */
public enum QuantityUnit {
  KILOGRAM, TONNE, LITRE, CUBIC_METRE, PIECE
}
