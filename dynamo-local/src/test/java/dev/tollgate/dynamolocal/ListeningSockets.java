package dev.tollgate.dynamolocal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Which local addresses listen on a TCP port, read from Linux's /proc/net/tcp and tcp6. */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Addresses as text: {@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::}, {@code ::1}, else raw hex;
     * IPv4-mapped addresses as IPv4. */
    static List<String> boundTo(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        Assumptions.assumeTrue(Files.isReadable(tcp), "needs Linux /proc/net/tcp");
        List<String> found = new ArrayList<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                    found.add(address(local[0]));
                }
            }
        }
        return found;
    }

    private static String address(String hex) {
        if (hex.startsWith("0000000000000000FFFF0000")) { // IPv4-mapped IPv6
            return address(hex.substring(24));
        }
        if (hex.length() == 8) { // IPv4, little-endian
            return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                    + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
        }
        if (hex.equals("0".repeat(32))) {
            return "::";
        }
        return hex.equals("0".repeat(24) + "01000000") ? "::1" : hex;
    }
}
