/*
 * Live status badges and the chat dialog of Parley's directory and profile pages.
 * Every element with data-presence-cid (WEB-INF/includes/presence-badge.xhtml) is watched over
 * /ws/presence (docs/protocol.md, "Directory pages"); whenever the table shows other rows (a search,
 * another page, another order) the socket is told what the page now shows. Everything from the
 * network is inserted as text. A button with data-chat opens the IM control in the page's dialog.
 */
window.ParleyDirectory = (() => {
    'use strict';
    const MAX = 200;
    let socket = null;
    let watched = null;
    let attempt = 0;
    let retry = null;
    /** The Chat button that opened the dialog: focus goes back to it when the dialog closes. */
    let opener = null;

    function config() {
        return document.getElementById('live-presence');
    }

    function ids() {
        const all = new Set();
        document.querySelectorAll('[data-presence-cid]').forEach((badge) => all.add(badge.dataset.presenceCid));
        return [...all].slice(0, MAX);
    }

    function icon(status) {
        return config().dataset.root + 'icons/presence/'
            + status.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() + '.svg';
    }

    function show(frame) {
        document.querySelectorAll('[data-presence-cid]').forEach((badge) => {
            if (badge.dataset.presenceCid !== frame.id) {
                return;
            }
            const text = badge.querySelector('.status-text');
            const image = badge.querySelector('img');
            if (!frame.found) {
                badge.dataset.status = 'Unknown';
                image.hidden = true;
                text.textContent = config().dataset.unavailable;
                return;
            }
            badge.dataset.status = frame.status;
            image.hidden = false;
            image.src = icon(frame.status);
            text.textContent = frame.statusText;
        });
    }

    /** Tells the socket what the page shows now, unless it already knows. */
    function watch() {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
            return;
        }
        const now = ids();
        const key = now.join(',');
        if (key === watched) {
            return;
        }
        watched = key;
        socket.send(JSON.stringify({ type: 'watch', ids: now }));
    }

    function connect() {
        const live = config();
        if (!live) {
            return;
        }
        const url = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + live.dataset.root
            + 'ws/presence?mkt=' + encodeURIComponent(live.dataset.mkt);
        socket = new WebSocket(url);
        watched = null;
        socket.addEventListener('open', watch);
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
            } else if (frame.type === 'error' && frame.code === 'rate_limited' && frame.ref === undefined) {
                return; // too many sockets: the close that follows reconnects later
            } else if (frame.type === 'error' && frame.code === 'rate_limited') {
                // this watch was refused: the page keeps what it watched, and asks again when allowed
                watched = null;
                clearTimeout(retry);
                retry = setTimeout(watch, 1000 * (frame.retryAfter || 1));
            }
        });
        socket.addEventListener('close', () => {
            socket = null;
            attempt++;
            setTimeout(connect, Math.min(30000, 500 * 2 ** attempt));
        });
    }

    /** The table's rows are replaced by every search, page and sort: watch the new ones. */
    function observe() {
        let queued = false;
        new MutationObserver(() => {
            if (!queued) {
                queued = true;
                setTimeout(() => {
                    queued = false;
                    watch();
                }, 0);
            }
        }).observe(document.body, { childList: true, subtree: true });
    }

    function openChat(button) {
        opener = button;
        const frame = document.getElementById('chat-frame');
        const title = button.dataset.chatTitle;
        frame.title = title;
        frame.src = button.dataset.chat;
        const header = document.querySelector('#chat-dialog .ui-dialog-title');
        if (header) {
            header.textContent = title;
        }
        PF('chat').show();
    }

    function start() {
        document.addEventListener('click', (event) => {
            const button = event.target.closest('[data-chat]');
            if (button) {
                event.preventDefault();
                openChat(button);
            }
        });
        observe();
        connect();
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }

    return {
        /** The dialog closed: the control's page goes, and with it its socket. */
        chatClosed() {
            const frame = document.getElementById('chat-frame');
            if (frame) {
                frame.src = 'about:blank';
            }
            if (opener && opener.isConnected) {
                opener.focus();
            }
            opener = null;
        },
    };
})();
