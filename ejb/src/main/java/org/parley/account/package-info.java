/**
 * Accounts: members (the people with a Parley account), their roles, password hashes
 * (Jakarta Security {@code Pbkdf2PasswordHash}), their public presence ID (CID) and their
 * settings. The sign-in identity store reads from here; sign-in failures are throttled here.
 * Fires no events yet.
 */
package org.parley.account;
