package dev.newsvault.fetch;

import dev.newsvault.config.Settings;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Builds the process's one {@link OkHttpClient}. Redirects are not followed by the client: {@link PageFetcher}
 * follows them itself so it can record the chain, detect loops and apply politeness and robots to each hop.
 * TLS certificates and host names are verified unless {@code tls.insecure=true}, and no connection is made
 * to an internal address (loopback, private, link-local, ...) unless {@code fetch.allow.private=true}: every
 * fetch (pages, redirect hops, robots.txt, feeds, sitemaps, re-checks) goes through this client, so this
 * one {@link AddressGuard} covers them all.
 */
public final class HttpClients {

  private HttpClients() {}

  public static OkHttpClient create(Settings s) {
    return create(s, AddressGuard.strict());
  }

  /** The client, with {@code guard} keeping it off internal addresses unless {@code fetch.allow.private=true}. */
  public static OkHttpClient create(Settings s, AddressGuard guard) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(64, s.threads() * 4));
    dispatcher.setMaxRequestsPerHost(Math.max(8, s.checkConcurrency()));
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(Math.max(16, s.checkConcurrency() * 2), 1, java.util.concurrent.TimeUnit.MINUTES))
        .connectTimeout(Duration.ofMillis(s.connectTimeoutMs()))
        .readTimeout(Duration.ofMillis(s.readTimeoutMs()))
        .writeTimeout(Duration.ofMillis(s.readTimeoutMs()))
        // A server that drips one byte at a time resets the read timeout forever; cap the whole call.
        .callTimeout(Duration.ofMillis((long) s.connectTimeoutMs() + 2L * s.readTimeoutMs()))
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(chain -> {
          Request r = chain.request();
          if (r.header("User-Agent") == null) {
            r = r.newBuilder().header("User-Agent", s.userAgent()).build();
          }
          return chain.proceed(r);
        });
    if (!s.allowPrivate()) {
      AddressGuard g = guard.allowing(s.allowAddresses());
      b.dns(g.dns()).socketFactory(g.socketFactory());
    }
    if (s.tlsInsecure()) {
      trustEverything(b);
    }
    return b.build();
  }

  /** The documented opt-out ({@code tls.insecure=true}): accept any certificate and host name. */
  private static void trustEverything(OkHttpClient.Builder b) {
    X509TrustManager all = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {all}, new SecureRandom());
      b.sslSocketFactory(ctx.getSocketFactory(), all).hostnameVerifier((host, session) -> true);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up tls.insecure=true: " + e.getMessage(), e);
    }
  }
}
