package dev.newsvault.fetch;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A connection refused before it was made because the address is internal (see {@link InternalAddresses})
 * and {@code fetch.allow.private} is false.
 */
public final class BlockedAddressException extends IOException {

  private final InetAddress address;

  BlockedAddressException(InetAddress address, int port, String kind) {
    super("refused to connect to " + address.getHostAddress() + (port > 0 ? " port " + port : "") + ", " + kind
        + "; internal addresses are not fetched unless fetch.allow.private=true or fetch.allow.addresses names them");
    this.address = address;
  }

  /** The address that was refused. */
  public InetAddress address() {
    return address;
  }
}
