/**
 * The window: Swing with FlatLaf (light or dark, following the desktop's theme where it says so).
 * Everything drawn comes from the session's snapshots, handed to the event thread; nothing here
 * touches the network. Visitor text is put into documents and labels as plain text, never HTML.
 */
package org.parley.desktop.ui;
