/*
 * Parley live presence for any intranet page. Include it once:
 *   <script src="https://parley.intranet/embed/presence.js" defer></script>
 * and mark people with their Parley id (CID or CID@DOMAIN):
 *   <a data-parley-cid="3F2A9C41D07B55E1">Ada Lovelace</a>
 * Each such element gets a status icon and text (first from the batch Presence API, then live over
 * /ws/presence, which needs the page's origin in parley.intranet.origins), and (when it has no href of its
 * own) a link that opens a chat with the person. data-parley-mkt on the script tag sets the culture.
 * No framework, no cookies; everything from the network is inserted as text.
 */
(() => {
    'use strict';
    const script = document.currentScript;
    const parley = new URL('..', script.src);
    const mkt = script.dataset.parleyMkt || document.documentElement.lang || 'en-US';
    const MAX = 200;

    const badges = new Map();

    function collect() {
        document.querySelectorAll('[data-parley-cid]').forEach((element) => {
            const id = element.dataset.parleyCid.trim();
            if (!id || element.querySelector('.parley-presence')) {
                return;
            }
            const badge = document.createElement('span');
            badge.className = 'parley-presence';
            badge.dataset.status = 'unknown';
            const icon = document.createElement('img');
            icon.width = 16;
            icon.height = 16;
            icon.alt = '';
            icon.style.verticalAlign = 'text-bottom';
            icon.style.marginInlineEnd = '0.25em';
            const text = document.createElement('span');
            text.className = 'parley-presence-text';
            badge.append(icon, text);
            element.prepend(badge);
            if (element.tagName === 'A' && !element.getAttribute('href')) {
                element.href = new URL('conversation/imme?invitee=' + encodeURIComponent(id)
                    + '&mkt=' + encodeURIComponent(mkt), parley).href;
                element.target = '_blank';
                element.rel = 'noopener';
            }
            if (!badges.has(id)) {
                badges.set(id, []);
            }
            badges.get(id).push({ badge, icon, text });
        });
    }

    function show(frame) {
        for (const { badge, icon, text } of badges.get(frame.id) || []) {
            if (!frame.found) {
                badge.dataset.status = 'unknown';
                badge.hidden = true;
                continue;
            }
            badge.hidden = false;
            badge.dataset.status = frame.status;
            icon.src = new URL('icons/presence/' + frame.status.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() + '.svg',
                parley).href;
            text.textContent = frame.statusText + ' ';
            badge.title = frame.statusText;
        }
    }

    let attempt = 0;

    function connect() {
        const ids = [...badges.keys()].slice(0, MAX);
        if (ids.length === 0) {
            return;
        }
        const url = (parley.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + parley.host + parley.pathname
            + 'ws/presence?mkt=' + encodeURIComponent(mkt);
        const socket = new WebSocket(url);
        socket.addEventListener('open', () => {
            socket.send(JSON.stringify({ type: 'watch', ids }));
        });
        socket.addEventListener('message', (event) => {
            let frame;
            try {
                frame = JSON.parse(event.data);
            } catch (e) {
                return;
            }
            if (frame.type === 'presence') {
                attempt = 0;
                show(frame);
            }
        });
        socket.addEventListener('close', () => {
            attempt++;
            setTimeout(connect, Math.min(30000, 1000 * 2 ** attempt));
        });
    }

    /** The state now, from the batch API (this works even where a page's origin may not open sockets). */
    function load() {
        const ids = [...badges.keys()].slice(0, MAX);
        if (ids.length === 0) {
            return Promise.resolve();
        }
        const url = new URL('api/presence?ids=' + ids.map(encodeURIComponent).join(',')
            + '&mkt=' + encodeURIComponent(mkt), parley);
        return fetch(url, { credentials: 'omit' })
            .then((response) => response.json())
            .then((answers) => answers.forEach((answer, i) => show({
                id: ids[i],
                found: answer.result && answer.result.code === 200,
                status: answer.status,
                statusText: answer.statusText,
            })))
            .catch(() => undefined);
    }

    function start() {
        collect();
        load().then(connect);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
