package io.cordon.devices.gate.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSignatureTest {

  private static final KeyPair SERVER = Sm2Keys.generate();
  private static final byte[] PAYLOAD = "permits of gate G1, version 7".getBytes(StandardCharsets.UTF_8);

  private final CacheSigner signer = new CacheSigner(SERVER);
  private final CacheVerifier verifier = new CacheVerifier(SERVER.getPublic());

  @Test
  void aSignatureByThePinnedKeyVerifies() {
    assertThat(verifier.verify(PAYLOAD, signer.sign(PAYLOAD))).isTrue();
  }

  @Test
  void aSignatureByAnotherKeyIsRefused() {
    byte[] forged = new CacheSigner(Sm2Keys.generate()).sign(PAYLOAD);
    assertThat(verifier.verify(PAYLOAD, forged)).isFalse();
  }

  @Test
  void aFlippedPayloadByteIsRefused() {
    byte[] signature = signer.sign(PAYLOAD);
    byte[] tampered = PAYLOAD.clone();
    tampered[3] ^= 0x01;
    assertThat(verifier.verify(tampered, signature)).isFalse();
  }

  @Test
  void aTruncatedSignatureIsRefused() {
    byte[] signature = signer.sign(PAYLOAD);
    assertThat(verifier.verify(PAYLOAD, Arrays.copyOf(signature, signature.length - 1))).isFalse();
  }

  @Test
  void anEmptyOrGarbageSignatureIsRefused() {
    assertThat(verifier.verify(PAYLOAD, new byte[0])).isFalse();
    assertThat(verifier.verify(PAYLOAD, new byte[] {1, 2, 3})).isFalse();
  }

  @Test
  void thePublicKeySurvivesItsX509Encoding() {
    CacheVerifier decoded = CacheVerifier.forEncodedKey(signer.encodedPublicKey());
    assertThat(decoded.verify(PAYLOAD, signer.sign(PAYLOAD))).isTrue();
    assertThat(decoded.usesKey(Sm2Keys.encodePublic(SERVER.getPublic()))).isTrue();
  }

  @Test
  void bytesThatAreNotAnSm2KeyAreRejected() {
    assertThatThrownBy(() -> Sm2Keys.decodePublic(new byte[] {0x30, 0x03, 1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStoredKeyPairLoadsBackAndSignsTheSame(@TempDir Path dir) {
    Path file = dir.resolve("keys/cache-signing.pem");
    Sm2Keys.store(SERVER, file);
    KeyPair loaded = Sm2Keys.load(file);
    assertThat(loaded.getPublic().getEncoded()).isEqualTo(SERVER.getPublic().getEncoded());
    assertThat(verifier.verify(PAYLOAD, new CacheSigner(loaded).sign(PAYLOAD))).isTrue();
  }

  @Test
  void loadOrGenerateKeepsTheFirstKey(@TempDir Path dir) {
    Path file = dir.resolve("k.pem");
    KeyPair first = Sm2Keys.loadOrGenerate(file);
    assertThat(Sm2Keys.loadOrGenerate(file).getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
  }

  @Test
  void aPemWithOnlyThePrivateKeyDerivesThePublicKey() {
    String pem = Sm2Keys.toPem(SERVER);
    String privateOnly = pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY-----"));
    assertThat(Sm2Keys.fromPem(privateOnly).getPublic().getEncoded()).isEqualTo(SERVER.getPublic().getEncoded());
  }
}
