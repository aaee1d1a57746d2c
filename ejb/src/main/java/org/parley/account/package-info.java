/**
 * Accounts: members (the people with a Parley account), their roles, password hashes
 * (Jakarta Security {@code Pbkdf2PasswordHash}), their public presence ID (CID) and their
 * settings. The sign-in identity store reads from here; sign-in failures are throttled here.
 * Fires {@code MemberChanged} after a committed change to what others see of a member (the
 * in-memory {@code MemberDirectory} refreshes itself from it; its search index of the members who
 * share on the web, {@code DirectoryIndex}, is rebuilt only when what it shows changed), and
 * {@code AccountEvent} in the transaction of every sign-in, refusal, sign-out and account change
 * (the audit trail records it).
 * A member's session generation grows with every new password and every disabling: sessions
 * signed in under an older one have ended. Admins find members page by page, edit their profile
 * and e-mail address, and import new members from a CSV file ({@code MemberCsv} reads it and says
 * what is wrong with each row), whole or not at all, each with a random first password.
 * Members from a source outside Parley (the company directory, an OpenID provider) have no Parley
 * password: {@code ExternalMembers} creates them on first sign-in and keeps their profile with the
 * source, {@code ExternalMemberStates} disables and enables them as the source's sync says (and enables one the
 * source had disabled as soon as it signs them in again), each member in a transaction of its own. Sign-in
 * asks a {@code control.PasswordSource} (the company directory's component implements it) about a
 * name that is no local member, so accounts depend on no source.
 * What people type for others to see is plain text ({@code entity.PlainText}: no control or bidi characters, no lone
 * surrogates), a member's profile as much as a message (messaging's {@code TextNormalizer} builds on it).
 */
package org.parley.account;
