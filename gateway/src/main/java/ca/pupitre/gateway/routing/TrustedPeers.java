package ca.pupitre.gateway.routing;

import io.netty.util.NetUtil;
import io.vertx.core.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The peers whose forwarding headers may be believed ({@code quarkus.http.proxy.trusted-proxies}), as far as the
 * relay lane needs to know: a request from any other peer is relayed with the peer's own address, scheme and
 * host, so the lane can skip Quarkus's forwarding handler for it (and the wrapper it puts around every request).
 * Only addresses and CIDR blocks are understood here; a host name or a port in the list makes every peer a
 * possible proxy, and Quarkus's handler decides for all, as before; so does an empty list (Quarkus then believes
 * every proxy).
 */
final class TrustedPeers {

    private record Block(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;
    /** A host name, a port, or a form this class does not read: Quarkus's handler judges every request. */
    private final boolean askQuarkus;

    private TrustedPeers(List<Block> blocks, boolean askQuarkus) {
        this.blocks = blocks;
        this.askQuarkus = askQuarkus;
    }

    static TrustedPeers of(Optional<String> configured) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : configured.orElse("").split(",")) {
            String value = entry.trim();
            if (value.isEmpty()) {
                continue;
            }
            String address = value;
            Integer prefix = null;
            int slash = value.indexOf('/');
            if (slash >= 0) {
                address = value.substring(0, slash);
                try {
                    prefix = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException unreadable) {
                    return new TrustedPeers(List.of(), true);
                }
            }
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
            if (bytes == null || (prefix != null && (prefix < 0 || prefix > bytes.length * 8))) {
                return new TrustedPeers(List.of(), true); // a host name, host:port, or a form not read here
            }
            blocks.add(new Block(bytes, prefix == null ? bytes.length * 8 : prefix));
        }
        return new TrustedPeers(List.copyOf(blocks), false);
    }

    /** Whether this peer may be a trusted proxy (when in doubt, yes: Quarkus's handler then decides). */
    boolean mayBeTrusted(SocketAddress peer) {
        if (askQuarkus || blocks.isEmpty()) {
            return true; // no list: Quarkus believes every proxy
        }
        if (peer == null || peer.hostAddress() == null) {
            return true;
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(peer.hostAddress());
        if (address == null) {
            return true;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        // an IPv4 client seen as IPv6 (::ffff:a.b.c.d) against IPv4 blocks, or the reverse: let Quarkus judge
        return address.length == 16 && blocks.stream().anyMatch(b -> b.network().length == 4)
                && isMappedIpv4(address);
    }

    private static boolean isMappedIpv4(byte[] address) {
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return (address[10] & 0xFF) == 0xFF && (address[11] & 0xFF) == 0xFF;
    }
}
