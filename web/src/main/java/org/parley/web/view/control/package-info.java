/**
 * The IM control (SPEC.md §4): {@code /conversation/imme} and its legacy address
 * {@code /Conversation/IMMe.aspx}, a page meant to be framed by intranet pages. Its parameters
 * are read here and only validated values reach the page ({@link org.parley.web.view.control.ControlParameters});
 * the themes are full colour sets that meet WCAG 2.1 AA contrast ({@link org.parley.web.view.control.Theme}).
 * The conversation itself runs in {@code resources/parley/control.js} over {@code /ws/control}.
 */
package org.parley.web.view.control;
