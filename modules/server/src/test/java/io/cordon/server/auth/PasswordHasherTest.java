package io.cordon.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void aHashVerifiesItsPassword() {
    assertThat(hasher.verify("correct horse", hasher.hash("correct horse"))).isTrue();
  }

  @Test
  void aHashRefusesAnotherPassword() {
    assertThat(hasher.verify("correct hors", hasher.hash("correct horse"))).isFalse();
  }

  @Test
  void twoHashesOfOnePasswordDifferBySalt() {
    assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
  }

  @Test
  void aMalformedStoredHashVerifiesNothing() {
    assertThat(hasher.verify("x", "$argon2id$v=19$m=abc$$")).isFalse();
    assertThat(hasher.verify("x", "plain-text")).isFalse();
  }
}
