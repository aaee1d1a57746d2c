/**
 * The rules of the HTTP guard, free of Grizzly: which request paths are refused
 * ({@link org.parley.httpguard.control.RequestTargets}) and how the refusal reads
 * ({@link org.parley.httpguard.control.Refusal}).
 */
package org.parley.httpguard.control;
