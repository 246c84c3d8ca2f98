package dev.newsvault.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsvault.config.AllowedAddresses;
import dev.newsvault.config.ConfigException;
import dev.newsvault.config.ConfigLoader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** fetch.allow.addresses: just the named internal addresses are let through, the guard stays on for the rest. */
class AllowedAddressesTest {

  @ParameterizedTest
  @CsvSource({"10.0.0.7, true", "10.0.0.8, false", "192.168.1.0, true", "192.168.1.255, true", "192.168.2.1, false",
      "127.0.0.1, false", "fd00::1, true", "fe80::1, false"})
  void listsAddressesAndRanges(String address, boolean allowed) throws Exception {
    AllowedAddresses a = AllowedAddresses.parse("10.0.0.7, 192.168.1.0/24,fd00::/8");
    assertThat(a.allows(InetAddress.getByName(address))).as(address).isEqualTo(allowed);
  }

  @Test
  void aHostNameOrABadRangeIsAConfigErrorNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(null, false, Map.of("fetch.allow.addresses", "intranet.local")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("fetch.allow.addresses")
        .hasMessageContaining("host names are not accepted");
    assertThatThrownBy(() -> ConfigLoader.load(null, false, Map.of("fetch.allow.addresses", "10.0.0.0/33")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("prefix length");
  }

  @Test
  void theGuardConnectsToAnAllowedAddressAndRefusesTheNextOne() throws Exception {
    AddressGuard guard = AddressGuard.strict().allowing(AllowedAddresses.parse("127.0.0.1"));
    try (ServerSocket allowed = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        ServerSocket other = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.2"))) {
      try (Socket s = guard.connect("127.0.0.1", allowed.getLocalPort(), 2000)) {
        assertThat(s.isConnected()).isTrue();
      }
      assertThatThrownBy(() -> guard.connect("127.0.0.2", other.getLocalPort(), 2000))
          .isInstanceOf(BlockedAddressException.class).hasMessageContaining("127.0.0.2");
    }
  }
}
