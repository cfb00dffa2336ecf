package io.cordon.server.event;

/** Checks that a text fits a varchar column: lengths in UTF-16 units, no control characters. */
final class Texts {
  private Texts() {
  }

  static void requireStorable(String field, String value, int min, int max) {
    if (value.length() < min || value.length() > max) {
      throw new IllegalArgumentException(field + " must be " + min + ".." + max + " characters, was "
          + value.length());
    }
    if (hasControlCharacter(value)) {
      throw new IllegalArgumentException(field + " must not contain control characters");
    }
  }

  static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }
}
