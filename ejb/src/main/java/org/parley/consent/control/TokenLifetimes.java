package org.parley.consent.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.settings.control.CurrentSettings;
import org.parley.settings.entity.Setting;

/**
 * How long codes, tokens, consents and secrets live: the settings in effect (Admin → Settings,
 * else configured), read at each issue, so a changed lifetime applies to what is issued next.
 */
@ApplicationScoped
public class TokenLifetimes {

    @Inject
    CurrentSettings settings;

    @Inject
    @ConfigProperty(name = "parley.token.device-poll-interval", defaultValue = "PT5S")
    Duration devicePollInterval;

    public Duration code() {
        return settings.now().duration(Setting.CODE_TTL);
    }

    public Duration access() {
        return settings.now().duration(Setting.ACCESS_TTL);
    }

    public Duration consent() {
        return settings.now().duration(Setting.CONSENT_TTL);
    }

    public Duration ticket() {
        return settings.now().duration(Setting.TICKET_TTL);
    }

    public Duration deviceCode() {
        return settings.now().duration(Setting.DEVICE_CODE_TTL);
    }

    public Duration devicePollInterval() {
        return devicePollInterval;
    }

    public Duration secretOverlap() {
        return settings.now().duration(Setting.SECRET_OVERLAP);
    }
}
