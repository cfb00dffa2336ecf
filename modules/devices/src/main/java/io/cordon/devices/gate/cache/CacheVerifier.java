package io.cordon.devices.gate.cache;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * Verifies cache chunks against one pinned SM2 public key. Anything that is not a valid SM3withSM2
 * signature of exactly these bytes by that key — another key, a changed byte, a truncated or
 * malformed signature — is refused (false), never thrown.
 */
public final class CacheVerifier {

  private final PublicKey key;
  private final byte[] encodedKey;

  public CacheVerifier(PublicKey key) {
    this.key = key;
    this.encodedKey = Sm2Keys.encodePublic(key);
  }

  /** A verifier for an X.509 DER key; throws IllegalArgumentException when it is not an SM2 key. */
  public static CacheVerifier forEncodedKey(byte[] der) {
    return new CacheVerifier(Sm2Keys.decodePublic(der));
  }

  public boolean verify(byte[] payload, byte[] signature) {
    if (payload == null || signature == null || signature.length == 0) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(CacheSigner.ALGORITHM, Sm2Keys.PROVIDER);
      verifier.initVerify(key);
      verifier.update(payload);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false; // a malformed signature is a refused one
    }
  }

  /** Whether this verifier checks against exactly this X.509 DER key. */
  public boolean usesKey(byte[] der) {
    return der != null && Arrays.equals(encodedKey, der);
  }

  public PublicKey key() {
    return key;
  }

  public byte[] encodedKey() {
    return encodedKey.clone();
  }
}
