package dev.ballast.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A certificate authority and one broker certificate (for 127.0.0.1 and localhost) made at start,
 * stored as a PKCS12 keystore for the brokers and a PKCS12 truststore for brokers and clients.
 *
 * @param keystore the brokers' keystore: the broker key with its chain
 * @param truststore the CA certificate
 * @param password the password of both stores and of the key
 */
record TlsMaterial(Path keystore, Path truststore, String password) {

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";

  /** Creates a CA and a broker certificate in {@code dir}; nothing leaves this machine. */
  static TlsMaterial create(Path dir) {
    try {
      Files.createDirectories(dir);
      SecureRandom random = new SecureRandom();
      String password = randomHex(12);
      KeyPair caKeys = keyPair(random);
      KeyPair brokerKeys = keyPair(random);
      X509Certificate ca =
          certificate("Ballast embedded CA", caKeys, "Ballast embedded CA", caKeys, true, random);
      X509Certificate broker =
          certificate("127.0.0.1", brokerKeys, "Ballast embedded CA", caKeys, false, random);
      broker.verify(ca.getPublicKey());
      char[] pw = password.toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("broker", brokerKeys.getPrivate(), pw, new Certificate[] {broker, ca});
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ballast-ca", ca);
      TlsMaterial m =
          new TlsMaterial(dir.resolve("broker.p12"), dir.resolve("truststore.p12"), password);
      store(keys, m.keystore(), pw);
      store(trust, m.truststore(), pw);
      Files.writeString(
          dir.resolve("ca.pem"), pem(ca), StandardCharsets.US_ASCII); // for openssl, kcat, ...
      return m;
    } catch (IOException | GeneralSecurityException e) {
      throw new EmbeddedClusterException("cannot create TLS certificates: " + e, e);
    }
  }

  /** Returns {@code bytes} random bytes in hex, for passwords (never blocks for entropy). */
  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static KeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }

  private static X509Certificate certificate(
      String subject,
      KeyPair subjectKeys,
      String issuer,
      KeyPair issuerKeys,
      boolean authority,
      SecureRandom random)
      throws GeneralSecurityException, IOException {
    Instant now = Instant.now();
    byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
    byte[] extensions =
        authority
            ? Der.sequence(extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))))
            : Der.sequence(
                extension(BASIC_CONSTRAINTS, false, Der.sequence()),
                extension(SUBJECT_ALT_NAME, false, subjectAltNames()));
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)),
            Der.integer(new BigInteger(64, random).add(BigInteger.ONE)),
            algorithm,
            name(issuer),
            Der.sequence(
                Der.utcTime(now.minus(Duration.ofHours(1))),
                Der.utcTime(now.plus(Duration.ofDays(3650)))),
            name(subject),
            subjectKeys.getPublic().getEncoded(),
            Der.explicit(3, extensions));
    byte[] der = Der.sequence(tbs, algorithm, Der.bitString(sign(tbs, issuerKeys.getPrivate())));
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static byte[] subjectAltNames() throws IOException {
    return Der.sequence(
        Der.implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)),
        Der.implicit(7, InetAddress.getByName("127.0.0.1").getAddress()));
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  private static byte[] name(String commonName) {
    return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
  }

  private static byte[] sign(byte[] data, PrivateKey key) throws GeneralSecurityException {
    Signature s = Signature.getInstance(SIGNATURE);
    s.initSign(key);
    s.update(data);
    return s.sign();
  }

  private static void store(KeyStore ks, Path file, char[] password)
      throws IOException, GeneralSecurityException {
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, password);
    }
  }

  private static String pem(X509Certificate cert) throws GeneralSecurityException {
    return "-----BEGIN CERTIFICATE-----\n"
        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
