package dev.newsvault.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which IP addresses are internal: loopback, private, shared (CGNAT), link-local (including the cloud
 * metadata address 169.254.169.254), unique-local, multicast, broadcast, reserved and unspecified, in IPv4
 * and IPv6, including IPv4 addresses carried inside IPv6 (mapped, compatible, NAT64 and 6to4). Such
 * addresses are never on the public web, so a page or redirect that leads there is a server-side request
 * forgery, not news.
 */
public final class InternalAddresses {

  private InternalAddresses() {}

  /** What kind of internal address {@code a} is ("a loopback address"), or null for a public address. */
  public static String kind(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return kind4(b, 0);
    }
    if (a instanceof Inet6Address) {
      return kind6(b);
    }
    return "an address of unknown type";
  }

  /** Whether {@code a} is internal. */
  public static boolean isInternal(InetAddress a) {
    return kind(a) != null;
  }

  private static String kind4(byte[] b, int o) {
    int a0 = b[o] & 0xff;
    int a1 = b[o + 1] & 0xff;
    int a2 = b[o + 2] & 0xff;
    if (a0 == 0) {
      return "an unspecified (0.0.0.0/8) address";
    }
    if (a0 == 127) {
      return "a loopback address";
    }
    if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
      return "a private-network address";
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return "a shared (carrier-grade NAT) address";
    }
    if (a0 == 169 && a1 == 254) {
      return "a link-local address (cloud metadata services live here)";
    }
    if (a0 == 192 && a1 == 0 && a2 == 0) {
      return "an IETF protocol address";
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) {
      return "a benchmarking-network address";
    }
    if (a0 >= 224 && a0 <= 239) {
      return "a multicast address";
    }
    if (a0 >= 240) {
      return a0 == 255 && a1 == 255 && a2 == 255 && (b[o + 3] & 0xff) == 255
          ? "the broadcast address" : "a reserved address";
    }
    return null;
  }

  private static String kind6(byte[] b) {
    boolean zero10 = true;
    for (int i = 0; i < 10; i++) {
      zero10 &= b[i] == 0;
    }
    if (zero10 && b[10] == 0 && b[11] == 0) {
      boolean zero12to14 = b[12] == 0 && b[13] == 0 && b[14] == 0;
      if (zero12to14 && b[15] == 0) {
        return "the unspecified address (::)";
      }
      if (zero12to14 && b[15] == 1) {
        return "a loopback address";
      }
      String v4 = kind4(b, 12); // IPv4-compatible ::a.b.c.d
      return v4 == null ? null : v4 + " inside IPv6";
    }
    if (zero10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      String v4 = kind4(b, 12); // IPv4-mapped ::ffff:a.b.c.d
      return v4 == null ? null : v4 + " inside IPv6";
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      boolean nat64 = true;
      for (int i = 4; i < 12; i++) {
        nat64 &= b[i] == 0;
      }
      if (nat64) {
        String v4 = kind4(b, 12); // NAT64 64:ff9b::a.b.c.d
        return v4 == null ? null : v4 + " inside IPv6 (NAT64)";
      }
    }
    if (b0 == 0x20 && b1 == 0x02) {
      String v4 = kind4(b, 2); // 6to4 2002:aabb:ccdd::
      return v4 == null ? null : v4 + " inside IPv6 (6to4)";
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
      return "a link-local address";
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
      return "a site-local address";
    }
    if ((b0 & 0xfe) == 0xfc) {
      return "a unique-local (private) address";
    }
    if (b0 == 0xff) {
      return "a multicast address";
    }
    return null;
  }
}
