package dev.newsvault.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The internal addresses {@code fetch.allow.addresses} lets through (an intranet site at 10.0.0.7, a lab at
 * 192.168.1.0/24) while every other internal address stays refused. Entries are literal IPv4 or IPv6
 * addresses or CIDR ranges; host names are not accepted, since a name can be made to point anywhere.
 */
public final class AllowedAddresses {

  /** Nothing allowed beyond the public web. */
  public static final AllowedAddresses NONE = new AllowedAddresses(List.of());

  private final List<Range> ranges;

  private AllowedAddresses(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Parses a comma-separated list such as {@code 10.0.0.7,192.168.1.0/24,fd00::/8}.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or range
   */
  public static AllowedAddresses parse(String list) {
    if (list == null || list.isBlank()) {
      return NONE;
    }
    List<Range> out = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.strip();
      if (!p.isEmpty()) {
        out.add(range(p));
      }
    }
    return new AllowedAddresses(out);
  }

  /** Whether {@code a} is one of the allowed addresses. */
  public boolean allows(InetAddress a) {
    for (Range r : ranges) {
      if (r.contains(a)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  private static Range range(String entry) {
    int slash = entry.indexOf('/');
    String addr = slash < 0 ? entry : entry.substring(0, slash);
    if (!addr.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range (host names are"
          + " not accepted: write 10.0.0.7 or 192.168.1.0/24)");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(addr).getAddress(); // a literal: no DNS lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
    }
    int bits = bytes.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0.." + bytes.length * 8);
      }
    }
    return new Range(bytes, bits);
  }

  private record Range(byte[] network, int bits) {

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((b[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
