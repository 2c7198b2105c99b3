package ca.pupitre.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedPeersTest {

    private static boolean trusted(String list, String peer) {
        return TrustedPeers.of(Optional.ofNullable(list)).mayBeTrusted(SocketAddress.inetSocketAddress(40000, peer));
    }

    @Test
    void addressesAndBlocksAreReadAndMatched() {
        assertThat(trusted("192.0.2.1/32", "192.0.2.1")).isTrue();
        assertThat(trusted("192.0.2.1/32", "127.0.0.1")).isFalse();
        assertThat(trusted("10.0.0.0/8, 127.0.0.1", "10.1.2.3")).isTrue();
        assertThat(trusted("10.0.0.0/8, 127.0.0.1", "127.0.0.1")).isTrue();
        assertThat(trusted("10.0.0.0/8, 127.0.0.1", "11.0.0.1")).isFalse();
        assertThat(trusted("10.0.0.0/12", "10.15.255.255")).isTrue();
        assertThat(trusted("10.0.0.0/12", "10.16.0.0")).isFalse();
        assertThat(trusted("2001:db8::/32", "2001:db8::1")).isTrue();
        assertThat(trusted("2001:db8::/32", "2001:db9::1")).isFalse();
    }

    @Test
    void whatIsNotReadHereLeavesEveryPeerToQuarkus() {
        // a host name, a port, an unreadable prefix, no list at all (Quarkus then believes every proxy)
        assertThat(trusted("proxy.internal", "203.0.113.9")).isTrue();
        assertThat(trusted("127.0.0.1:8080", "203.0.113.9")).isTrue();
        assertThat(trusted("10.0.0.0/x", "203.0.113.9")).isTrue();
        assertThat(trusted("10.0.0.0/33", "203.0.113.9")).isTrue();
        assertThat(trusted(null, "203.0.113.9")).isTrue();
        assertThat(trusted(" ", "203.0.113.9")).isTrue();
        // an IPv4 client seen as IPv6 against IPv4 blocks
        assertThat(trusted("192.0.2.0/24", "::ffff:198.51.100.1")).isTrue();
    }
}
