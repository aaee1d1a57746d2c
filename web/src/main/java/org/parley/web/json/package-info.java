/** JSON for every adapter of the web module, built from one cached JSON-P provider. */
package org.parley.web.json;
