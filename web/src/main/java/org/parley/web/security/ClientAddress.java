package org.parley.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request comes from, for limits kept per address. Behind a reverse proxy the
 * peer is the proxy; then the client's address is read from {@code X-Forwarded-For}, but only
 * when the peer is one of {@code parley.proxy.trusted} (comma-separated IP addresses, default
 * none): anybody else could write the header themselves, so from them it is ignored.
 * <p>
 * The header is read from the right, the entry the nearest proxy added first; each entry written
 * by a trusted proxy is believed, and the first address that is not a trusted proxy is the
 * client. An entry that is not an IP address ends the walk at the proxy that passed it on.
 */
public final class ClientAddress {

    public static final String TRUSTED_PROXIES = "parley.proxy.trusted";
    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern IPV6_BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\](?::\\d{1,5})?");
    private static volatile ClientAddress configured;

    private final String setting;
    private final Set<String> trusted;

    /** {@code setting}: the value of {@code parley.proxy.trusted}; entries that are not IP addresses are left out, and logged. */
    public ClientAddress(String setting) {
        this.setting = setting;
        Set<String> addresses = new LinkedHashSet<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            Optional<String> address = normalize(entry.trim());
            if (address.isPresent()) {
                addresses.add(address.get());
            } else {
                LOG.warning(() -> TRUSTED_PROXIES + " lists \"" + entry.trim().replaceAll("\\p{Cntrl}", "?")
                        + "\", which is not an IP address: it is ignored");
            }
        }
        this.trusted = Collections.unmodifiableSet(addresses);
    }

    /** As configured now (read again when the setting changes). */
    public static ClientAddress configured() {
        String setting = ConfigProvider.getConfig(ClientAddress.class.getClassLoader())
                .getOptionalValue(TRUSTED_PROXIES, String.class).orElse("");
        ClientAddress known = configured;
        if (known == null || !known.setting.equals(setting)) {
            known = new ClientAddress(setting);
            configured = known;
        }
        return known;
    }

    /** The trusted proxies' addresses, as {@link InetAddress#getHostAddress} writes them. */
    public Set<String> trustedProxies() {
        return trusted;
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    /** The client's address, given the peer's and the {@code X-Forwarded-For} header lines in the order received. */
    public String of(String peer, List<String> forwardedFor) {
        String client = normalize(peer).orElse(peer);
        if (!trusted.contains(client) || forwardedFor.isEmpty()) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(line -> {
            for (String hop : line.split(",")) {
                hops.add(hop.trim());
            }
        });
        for (int i = hops.size() - 1; i >= 0 && trusted.contains(client); i--) {
            Optional<String> hop = normalize(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return client;
    }

    /** The canonical form of an IP address literal (with a port, or IPv6 in brackets, accepted); empty for anything else. */
    static Optional<String> normalize(String value) {
        String literal = value;
        Matcher bracketed = IPV6_BRACKETED.matcher(value);
        Matcher withPort = IPV4_WITH_PORT.matcher(value);
        if (bracketed.matches()) {
            literal = bracketed.group(1);
        } else if (withPort.matches()) {
            literal = withPort.group(1);
        }
        Matcher ipv4 = IPV4.matcher(literal);
        if (ipv4.matches()) {
            for (int part = 1; part <= 4; part++) {
                if (Integer.parseInt(ipv4.group(part)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            // a literal only (checked above), so this never asks DNS
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
