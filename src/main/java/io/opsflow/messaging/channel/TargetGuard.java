package io.opsflow.messaging.channel;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook-style channels from being pointed at the server's own network (SSRF): only http(s),
 * and every address the host resolves to must be public. Loopback, private, link-local (cloud
 * metadata), carrier-grade NAT, unique-local IPv6 and multicast are refused unless the channel
 * config allows private targets or the host is listed in {@code opsflow.messaging.allowed-private-hosts}.
 */
@Component
public class TargetGuard {

    private final Set<String> allowedPrivateHosts;

    TargetGuard(@Value("${opsflow.messaging.allowed-private-hosts:}") String allowedPrivateHosts) {
        this.allowedPrivateHosts = Arrays.stream(allowedPrivateHosts.split(","))
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Returns the checked URI or throws a permanent {@link DeliveryException} saying why it is refused. */
    public URI check(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw DeliveryException.permanent("the target URL is malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DeliveryException.permanent("only http and https targets are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getUserInfo() != null) {
            throw DeliveryException.permanent("the target URL needs a host and no user info");
        }
        if (allowPrivate || allowedPrivateHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw DeliveryException.retryable("the target host " + host + " does not resolve", e);
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw DeliveryException.permanent("the target " + host + " is on a loopback, private or link-local network;"
                        + " an admin must allow private targets for this channel");
            }
        }
        return uri;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this" network
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (isMappedOrCompatibleIpv4(b)) {
                try {
                    return isInternal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isMappedOrCompatibleIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
    }
}
