package org.parley.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long codes, tokens, consents and secrets live; configurable. */
@ApplicationScoped
public class TokenLifetimes {

    @Inject
    @ConfigProperty(name = "parley.token.code-ttl", defaultValue = "PT60S")
    Duration code;

    @Inject
    @ConfigProperty(name = "parley.token.access-ttl", defaultValue = "PT1H")
    Duration access;

    @Inject
    @ConfigProperty(name = "parley.token.consent-ttl", defaultValue = "P365D")
    Duration consent;

    @Inject
    @ConfigProperty(name = "parley.token.ticket-ttl", defaultValue = "PT5M")
    Duration ticket;

    @Inject
    @ConfigProperty(name = "parley.token.device-code-ttl", defaultValue = "PT10M")
    Duration deviceCode;

    @Inject
    @ConfigProperty(name = "parley.token.device-poll-interval", defaultValue = "PT5S")
    Duration devicePollInterval;

    @Inject
    @ConfigProperty(name = "parley.application.secret-overlap", defaultValue = "P7D")
    Duration secretOverlap;

    public Duration code() {
        return code;
    }

    public Duration access() {
        return access;
    }

    public Duration consent() {
        return consent;
    }

    public Duration ticket() {
        return ticket;
    }

    public Duration deviceCode() {
        return deviceCode;
    }

    public Duration devicePollInterval() {
        return devicePollInterval;
    }

    public Duration secretOverlap() {
        return secretOverlap;
    }
}
