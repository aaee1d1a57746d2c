/**
 * The company directory (LDAP, Active Directory): members sign in with their directory account, and a
 * sync keeps Parley's members as the directory has them. Off unless {@code parley.ldap.url} is set.
 * <ul>
 * <li>{@code control.LdapSettings} reads the {@code parley.ldap.*} keys (defaults by kind: {@code ad},
 * {@code openldap}); {@code control.CompanyDirectory} holds the connections (LDAPS or StartTLS, a pool for
 * the service account, timeouts) and asks the directory; {@code control.PersonMapping} reads a person from
 * an entry; {@code control.DirectoryPasswords} checks a password by binding as the person.</li>
 * <li>{@code boundary.DirectorySync} runs the scheduled sync and <em>Sync now</em>, each page of people
 * in its own transaction ({@code boundary.DirectorySyncPages}), and fires {@code entity.DirectorySynced}
 * with the run's summary ({@code entity.DirectorySyncRun}, kept for the admin console), which the audit
 * trail records.</li>
 * </ul>
 * Why a component of its own, plugged into accounts: the account component owns members and the one
 * password sign-in ({@code Members.authenticate}), and this component makes members through accounts'
 * boundaries ({@code ExternalMembers}, {@code ExternalMemberStates}). For sign-in, accounts ask a
 * {@code org.parley.account.control.PasswordSource}, which {@code DirectoryPasswords} implements, so the
 * dependency runs one way only: companydirectory → account, never back. The members it creates and
 * changes fire accounts' own {@code MemberChanged} and {@code AccountEvent}s.
 */
package org.parley.companydirectory;
