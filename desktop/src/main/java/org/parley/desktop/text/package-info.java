/**
 * The text mode ({@code --text}): the same session for terminals and scripts. Commands come on
 * standard input, one per line; events go to standard output as sentences or, with {@code --json},
 * as one JSON object per line. Visitor text is printed as plain text with control characters removed.
 */
package org.parley.desktop.text;
