package dev.newsvault.fetch;

import dev.newsvault.config.AllowedAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import javax.net.SocketFactory;
import okhttp3.Dns;

/**
 * Keeps every fetch off internal addresses ({@link InternalAddresses}) unless {@code fetch.allow.private=true},
 * or the address is one {@code fetch.allow.addresses} names ({@link AllowedAddresses}).
 * Two checks: the {@link #dns() resolver} drops internal answers so a host with a public address is reached
 * there, and the {@link #socketFactory() sockets} refuse to connect to an internal address. The second is
 * the one that counts: it judges the address actually connected to, after every lookup, so a literal IP in a
 * URL (which skips DNS), a redirect hop, or a DNS answer that changes between two lookups (rebinding) cannot
 * get past it.
 */
public final class AddressGuard {

  private final Set<InetSocketAddress> exempt;
  private final AllowedAddresses allowed;

  private AddressGuard(Set<InetSocketAddress> exempt, AllowedAddresses allowed) {
    this.exempt = Set.copyOf(exempt);
    this.allowed = allowed;
  }

  /** Refuses every internal address. */
  public static AddressGuard strict() {
    return new AddressGuard(Set.of(), AllowedAddresses.NONE);
  }

  /** This guard, also letting through the internal addresses of {@code fetch.allow.addresses}. */
  public AddressGuard allowing(AllowedAddresses addresses) {
    return new AddressGuard(exempt, addresses);
  }

  /**
   * Refuses every internal address but these exact endpoints (address and port): for embedding newsvault next
   * to a service it must reach, and for tests whose "public" server runs on 127.0.0.1.
   */
  public static AddressGuard exempting(Set<InetSocketAddress> endpoints) {
    return new AddressGuard(endpoints, AllowedAddresses.NONE);
  }

  /** Refuses a connection to {@code address} when it is internal and not exempt. */
  void check(InetSocketAddress address) throws BlockedAddressException {
    InetAddress a = address.getAddress();
    if (a == null || exempt.contains(address) || allowed.allows(a)) {
      return;
    }
    String kind = InternalAddresses.kind(a);
    if (kind != null) {
      throw new BlockedAddressException(a, address.getPort(), kind);
    }
  }

  /** The system resolver with internal answers dropped, unless every answer is internal. */
  public Dns dns() {
    return host -> {
      List<InetAddress> all = Dns.SYSTEM.lookup(host);
      List<InetAddress> external =
          all.stream().filter(a -> !InternalAddresses.isInternal(a) || allowed.allows(a)).toList();
      // Nothing public: hand the answers on, and let the socket refuse them with a message naming the address.
      return external.isEmpty() ? all : external;
    };
  }

  /**
   * A socket connected to {@code host:port} through this guard: resolved with {@link #dns()}, each answer tried
   * in turn, and refused (a {@link BlockedAddressException}) when the address it would reach is internal. For
   * connections made outside OkHttp, such as the browser's proxy.
   */
  public Socket connect(String host, int port, int timeoutMs) throws IOException {
    IOException last = null;
    BlockedAddressException blocked = null;
    for (InetAddress a : dns().lookup(host)) {
      Socket s = new GuardedSocket();
      try {
        s.connect(new InetSocketAddress(a, port), timeoutMs);
        return s;
      } catch (BlockedAddressException e) {
        s.close();
        blocked = blocked == null ? e : blocked; // another answer may be allowed (localhost: ::1, 127.0.0.1)
      } catch (IOException e) {
        s.close();
        last = e;
      }
    }
    if (blocked != null) {
      throw blocked;
    }
    throw last != null ? last : new UnknownHostException(host);
  }

  /** Plain sockets that refuse to connect to an internal address; TLS is layered on top of them. */
  public SocketFactory socketFactory() {
    return new GuardedSocketFactory();
  }

  private final class GuardedSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() {
      return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      Socket s = new GuardedSocket();
      s.bind(new InetSocketAddress(localHost, localPort));
      s.connect(new InetSocketAddress(host, port));
      return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      Socket s = new GuardedSocket();
      s.bind(new InetSocketAddress(localAddress, localPort));
      s.connect(new InetSocketAddress(address, port));
      return s;
    }

    private Socket connected(InetSocketAddress to) throws IOException {
      Socket s = new GuardedSocket();
      s.connect(to);
      return s;
    }
  }

  private final class GuardedSocket extends Socket {

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (endpoint instanceof InetSocketAddress isa) {
        if (isa.isUnresolved()) {
          throw new UnknownHostException(isa.getHostString());
        }
        check(isa);
      }
      super.connect(endpoint, timeout);
    }
  }
}
