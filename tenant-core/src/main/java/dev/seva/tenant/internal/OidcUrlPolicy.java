package dev.seva.tenant.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Seva may reach a tenant's OpenID Connect provider (the issuer a tenant admin types, and every URL of its
 * discovery document): {@code https} only, at public addresses, so that the provider setting cannot be used to make
 * the server call inside its own network (cloud metadata at 169.254.169.254, a database, an admin console).
 * <ul>
 * <li>Every address the host resolves to must be allowed (a name with one public and one private address is
 * refused).</li>
 * <li>Loopback addresses (127.0.0.0/8, ::1) only when {@code allowLoopback}
 * ({@code seva.auth.oidc.allow-insecure-loopback}: tests, a provider on the same machine), and then over {@code http}
 * too.</li>
 * <li>Private, link-local, unique-local, shared (CGNAT), unspecified, multicast, documentation and reserved addresses
 * only inside {@code allowedNetworks} ({@code seva.auth.oidc.allowed-networks}, CIDRs such as
 * {@code 10.20.0.0/16}).</li>
 * <li>IPv6 addresses that carry an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by that IPv4 address; Teredo ({@code 2001::/32}) is
 * refused.</li>
 * </ul>
 * A pure rule: the resolver is given.
 */
final class OidcUrlPolicy {

    /** Resolves a host name (or literal) to its addresses. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** An address block: network address and prefix length. */
    record Network(byte[] address, int prefix) {
        /** @return the block of a CIDR such as {@code 10.0.0.0/8} or {@code fd00::/8} */
        static Network parse(String cidr) {
            String c = cidr.strip();
            int slash = c.indexOf('/');
            String literal = slash < 0 ? c : c.substring(0, slash);
            if (!literal.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not a CIDR (IP address/prefix): " + cidr);
            }
            try {
                InetAddress a = InetAddress.getByName(literal);
                int bits = a.getAddress().length * 8;
                int prefix = slash < 0 ? bits : Integer.parseInt(c.substring(slash + 1));
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("prefix out of range: " + cidr);
                }
                return new Network(a.getAddress(), prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR: " + cidr, e);
            }
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != address.length) {
                return false;
            }
            for (int i = 0; i < prefix; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((b[i / 8] & mask) != (address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Blocks that are neither public nor loopback (besides what InetAddress itself classifies). */
    private static final List<Network> INTERNAL = List.of("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24",
            "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "fc00::/7",
            "2001::/32", "2001:db8::/32", "100::/64").stream().map(Network::parse).toList();

    private final boolean allowLoopback;
    private final List<Network> allowedNetworks;
    private final Resolver resolver;

    OidcUrlPolicy(boolean allowLoopback, List<Network> allowedNetworks, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.resolver = resolver;
    }

    /** @return the blocks of a comma-separated CIDR list (blank: none) */
    static List<Network> networks(String commaSeparated) {
        List<Network> n = new ArrayList<>();
        if (commaSeparated != null) {
            for (String c : commaSeparated.split(",")) {
                if (!c.isBlank()) {
                    n.add(Network.parse(c));
                }
            }
        }
        return n;
    }

    /**
     * @param url an absolute URL the server would call
     * @param unresolvable whether a host that does not resolve now is refused (when fetching) or let pass (when
     *        saving: it is checked again at every fetch)
     * @return why the server may not call it, or empty
     */
    Optional<String> refusal(URI url, boolean unresolvable) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (!"https".equals(scheme) && !"http".equals(scheme) || host == null || host.isEmpty()) {
            return Optional.of("must be an https URL");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            if ("http".equals(scheme)) {
                return Optional.of("must be https (http only on a loopback address, when allowed)");
            }
            return unresolvable ? Optional.of("its host " + host + " does not resolve") : Optional.empty();
        }
        if (addresses == null || addresses.length == 0) {
            return Optional.of("its host " + host + " does not resolve");
        }
        boolean allLoopback = true;
        for (InetAddress raw : addresses) {
            InetAddress a = embeddedIpv4(raw);
            if (a.isLoopbackAddress()) {
                if (!allowLoopback) {
                    return Optional.of("its host " + host + " is a loopback address (" + raw.getHostAddress() + ")");
                }
                continue;
            }
            allLoopback = false;
            if (internal(a) && allowedNetworks.stream().noneMatch(n -> n.contains(a))) {
                return Optional.of("its host " + host + " is an internal address (" + raw.getHostAddress()
                        + "): private, link-local and reserved addresses are not reached");
            }
        }
        if ("http".equals(scheme) && !allLoopback) {
            return Optional.of("must be https (http only on a loopback address, when allowed)");
        }
        return Optional.empty();
    }

    /** @return whether the address is not a public one (loopback aside) */
    static boolean internal(InetAddress a) {
        return a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || INTERNAL.stream().anyMatch(n -> n.contains(a));
    }

    /** @return the IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or the address itself */
    static InetAddress embeddedIpv4(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a;
        }
        byte[] b = a.getAddress();
        byte[] v4 = null;
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            v4 = Arrays.copyOfRange(b, 12, 16); // ::ffff:a.b.c.d
        } else if (zero(b, 0, 12) && !zero(b, 12, 15)) {
            v4 = Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d (not :: or ::1)
        } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && zero(b, 4, 12)) {
            v4 = Arrays.copyOfRange(b, 12, 16); // 64:ff9b::a.b.c.d
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = Arrays.copyOfRange(b, 2, 6); // 2002:aabb:ccdd::
        }
        if (v4 == null) {
            return a;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return a;
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
