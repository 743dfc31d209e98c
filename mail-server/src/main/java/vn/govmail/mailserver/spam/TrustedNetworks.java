package vn.govmail.mailserver.spam;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Client networks the SMTP-time reputation checks leave alone (loopback, the province's own relays):
 * a list of CIDR blocks such as {@code 127.0.0.0/8, ::1/128, 10.20.0.0/16}; a bare address is a /32 or /128.
 */
final class TrustedNetworks {
    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> blocks;

    private TrustedNetworks(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** @throws IllegalArgumentException for an entry that is not an IP address or CIDR block (a host name, a typo) */
    static TrustedNetworks parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split("/", 2);
            byte[] network = literal(parts[0], entry);
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in trusted network '" + entry + "'");
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("bad prefix length in trusted network '" + entry + "'");
            }
            blocks.add(new Block(network, prefix));
        }
        return new TrustedNetworks(List.copyOf(blocks));
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    private static byte[] literal(String text, String entry) {
        // only literals: InetAddress.getByName would otherwise resolve a host name through DNS
        if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("trusted network '" + entry + "' is not an IP address or CIDR block");
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("trusted network '" + entry + "' is not an IP address or CIDR block");
        }
    }
}
