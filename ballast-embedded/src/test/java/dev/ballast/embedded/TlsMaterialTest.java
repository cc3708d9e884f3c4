package dev.ballast.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificates made at start carry a real TLS handshake with hostname verification. */
class TlsMaterialTest {

  @TempDir Path dir;

  @Test
  void theBrokerCertificateIsSignedByTheCaAndNamesLoopback() throws Exception {
    TlsMaterial m = TlsMaterial.create(dir);

    KeyStore keys = load(m.keystore(), m.password());
    X509Certificate broker = (X509Certificate) keys.getCertificate("broker");
    X509Certificate ca =
        (X509Certificate) load(m.truststore(), m.password()).getCertificate("ballast-ca");
    broker.verify(ca.getPublicKey());
    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(broker.getBasicConstraints()).isEqualTo(-1);
    assertThat(broker.getSubjectAlternativeNames())
        .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(Files.readString(dir.resolve("ca.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void aClientTrustingTheCaCompletesAHandshakeWithHostnameVerification() throws Exception {
    TlsMaterial m = TlsMaterial.create(dir);

    assertThat(handshake(m, trusting(m))).isEqualTo("TLSv1.3");
  }

  @Test
  void aClientTrustingAnotherCaIsRefused() throws Exception {
    TlsMaterial m = TlsMaterial.create(dir.resolve("one"));
    TlsMaterial other = TlsMaterial.create(dir.resolve("other"));

    assertThatThrownBy(() -> handshake(m, trusting(other)))
        .isInstanceOf(SSLHandshakeException.class);
  }

  private static String handshake(TlsMaterial server, SSLContext client) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(load(server.keystore(), server.password()), server.password().toCharArray());
    SSLContext serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), null, null);
    try (SSLServerSocket listener =
        (SSLServerSocket)
            serverContext
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> accepted =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                  s.startHandshake();
                  s.getOutputStream().write(1);
                } catch (Exception e) {
                  // the client reports the failure
                }
              });
      try (SSLSocket s =
          (SSLSocket)
              client.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort())) {
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // as Kafka clients do by default
        s.setSSLParameters(p);
        s.startHandshake();
        assertThat(s.getInputStream().read()).isEqualTo(1);
        return s.getSession().getProtocol();
      } finally {
        accepted.get(10, TimeUnit.SECONDS);
      }
    }
  }

  private static SSLContext trusting(TlsMaterial m) throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(load(m.truststore(), m.password()));
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(null, tmf.getTrustManagers(), null);
    return c;
  }

  private static KeyStore load(Path file, String password) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password.toCharArray());
    }
    return ks;
  }
}
