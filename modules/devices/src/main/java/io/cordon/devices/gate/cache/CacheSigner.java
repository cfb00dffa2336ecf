package io.cordon.devices.gate.cache;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Signs cache chunks: SM3withSM2 (GM/T 0003, default user id "1234567812345678") over the payload
 * bytes. Thread-safe: each call uses its own {@link Signature}.
 */
public final class CacheSigner {

  static final String ALGORITHM = "SM3withSM2";

  private final KeyPair keys;

  public CacheSigner(KeyPair keys) {
    this.keys = keys;
  }

  /** The signature (DER-encoded r, s) of the payload. */
  public byte[] sign(byte[] payload) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM, Sm2Keys.PROVIDER);
      signature.initSign(keys.getPrivate());
      signature.update(payload);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with SM2", e);
    }
  }

  /** The key that verifies what this signer signs. */
  public PublicKey publicKey() {
    return keys.getPublic();
  }

  /** {@link #publicKey()} as X.509 DER, for AgentWelcome.cache_signing_key. */
  public byte[] encodedPublicKey() {
    return Sm2Keys.encodePublic(keys.getPublic());
  }
}
