package io.cordon.devices.gate.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECPoint;

/**
 * SM2 key pairs on curve sm2p256v1: generation, the X.509 (SubjectPublicKeyInfo) DER encoding the
 * wire carries, and a PEM file holding the private key (PKCS#8) and its public key (X.509).
 * BouncyCastle is used as an explicit provider, never installed globally.
 */
public final class Sm2Keys {

  static final Provider PROVIDER = new BouncyCastleProvider();
  static final String CURVE = "sm2p256v1";
  private static final String PRIVATE_LABEL = "PRIVATE KEY";
  private static final String PUBLIC_LABEL = "PUBLIC KEY";
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private Sm2Keys() {}

  /** A fresh SM2 key pair. */
  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
      generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SM2 is not available", e);
    }
  }

  /** The public key as X.509 SubjectPublicKeyInfo DER (AgentWelcome.cache_signing_key). */
  public static byte[] encodePublic(PublicKey key) {
    return key.getEncoded();
  }

  /**
   * Reads an X.509 DER public key.
   *
   * @throws IllegalArgumentException when the bytes are not an SM2 public key
   */
  public static PublicKey decodePublic(byte[] der) {
    try {
      PublicKey key = KeyFactory.getInstance("EC", PROVIDER).generatePublic(new X509EncodedKeySpec(der));
      requireSm2(key);
      return key;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not an SM2 public key: " + e.getMessage(), e);
    }
  }

  /** Reads a PKCS#8 DER private key. */
  public static PrivateKey decodePrivate(byte[] der) {
    try {
      PrivateKey key = KeyFactory.getInstance("EC", PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(der));
      requireSm2(key);
      return key;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not an SM2 private key: " + e.getMessage(), e);
    }
  }

  /** The pair as PEM text: the private key (PKCS#8) then the public key (X.509). */
  public static String toPem(KeyPair pair) {
    return pem(PRIVATE_LABEL, pair.getPrivate().getEncoded()) + pem(PUBLIC_LABEL, pair.getPublic().getEncoded());
  }

  /**
   * Reads what {@link #toPem} wrote. When only the private key is there the public key is derived
   * from it.
   */
  public static KeyPair fromPem(String text) {
    PrivateKey privateKey = null;
    PublicKey publicKey = null;
    Matcher m = PEM_BLOCK.matcher(text);
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
      if (PRIVATE_LABEL.equals(m.group(1))) {
        privateKey = decodePrivate(der);
      } else if (PUBLIC_LABEL.equals(m.group(1))) {
        publicKey = decodePublic(der);
      }
    }
    if (privateKey == null) {
      throw new IllegalArgumentException("no PRIVATE KEY block in the PEM text");
    }
    return new KeyPair(publicKey != null ? publicKey : derivePublic(privateKey), privateKey);
  }

  /** Writes the pair as PEM (owner-only permissions where the file system has them), atomically. */
  public static void store(KeyPair pair, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: keep the default permissions
      }
      Files.writeString(tmp, toPem(pair), StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the SM2 key in " + file, e);
    }
  }

  /** Reads a pair written by {@link #store}. */
  public static KeyPair load(Path file) {
    try {
      return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SM2 key in " + file, e);
    }
  }

  /** The pair stored in the file, or a new one generated and stored there when the file is absent. */
  public static KeyPair loadOrGenerate(Path file) {
    if (Files.exists(file)) {
      return load(file);
    }
    KeyPair pair = generate();
    store(pair, file);
    return pair;
  }

  private static PublicKey derivePublic(PrivateKey privateKey) {
    try {
      org.bouncycastle.jce.interfaces.ECPrivateKey bc = (org.bouncycastle.jce.interfaces.ECPrivateKey) privateKey;
      ECPoint q = bc.getParameters().getG().multiply(bc.getD()).normalize();
      return KeyFactory.getInstance("EC", PROVIDER).generatePublic(new ECPublicKeySpec(q, bc.getParameters()));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("cannot derive the SM2 public key", e);
    }
  }

  private static void requireSm2(java.security.Key key) {
    java.security.spec.ECParameterSpec params =
        key instanceof java.security.interfaces.ECPublicKey pub ? pub.getParams()
            : key instanceof ECPrivateKey priv ? priv.getParams() : null;
    org.bouncycastle.jce.spec.ECNamedCurveParameterSpec sm2 = ECNamedCurveTable.getParameterSpec(CURVE);
    if (params == null
        || !params.getOrder().equals(sm2.getN())
        || !(params.getCurve().getField() instanceof java.security.spec.ECFieldFp field)
        || !field.getP().equals(sm2.getCurve().getField().getCharacteristic())) {
      throw new IllegalArgumentException("the key is not on curve " + CURVE);
    }
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }
}
