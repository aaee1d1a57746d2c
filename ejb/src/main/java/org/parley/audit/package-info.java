/**
 * Audit: who did what, when, from where — admin actions, consents granted and revoked,
 * refused token reuse, secret rotations, invitations. Entries are written inside the
 * transaction of the change they record, so a rolled-back change leaves no entry. Admins search
 * the entries by actor, action and time range, a page at a time.
 */
package org.parley.audit;
