/**
 * Contact points ({@code /contact/{name}}): named entries such as "IT help desk", each with a title,
 * an intro and an ordered list of members. Owns the {@code contact_points} and
 * {@code contact_point_members} tables. A visitor who opens a contact point's control reaches its
 * first available member (most available status, then fewest open conversations, then list
 * order: {@code ContactRouting}), decided from memory ({@code ContactDirectory}); when nobody is
 * available, a message left there goes to every member of the list as an offline message
 * (messaging's store), handled for all once one of them marks it read. Fires
 * {@code ContactPointEvent} (audited as {@code contact.created}, {@code contact.updated},
 * {@code contact.deleted}, {@code contact.message-left}).
 */
package org.parley.contact;
