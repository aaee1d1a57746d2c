package org.parley.openid.entity;

/**
 * What the provider sent back through the browser to Parley's redirect URI: a {@code code} and the
 * {@code state}, or an {@code error} (such as {@code access_denied}) with an optional description.
 * Every value is as the request had it, so possibly missing or forged.
 */
public record Callback(String code, String state, String error, String errorDescription) {
}
