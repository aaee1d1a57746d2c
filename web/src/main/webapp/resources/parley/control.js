/*
 * Parley IM control, the visitor's side of a conversation over /ws/control
 * (docs/protocol.md, "Visitor"). Used by the plain page conversation/imme.xhtml; a themed
 * page can reuse it as it relies only on the element ids. Plain ES2020, no library.
 * Everything that comes from the network is shown as text (textContent), never as HTML.
 */
(() => {
    'use strict';

    const root = document.getElementById('control');
    if (!root) {
        return;
    }
    const $ = (id) => document.getElementById(id);
    const el = {
        inviteeName: $('invitee-name'),
        inviteeDot: $('invitee-dot'),
        inviteeStatus: $('invitee-status'),
        inviteeMessage: $('invitee-message'),
        nicknameForm: $('nickname-form'),
        nickname: $('nickname'),
        visitor: $('visitor'),
        visitorName: $('visitor-name'),
        verified: $('verified'),
        nicknameChange: $('nickname-change'),
        connection: $('connection'),
        notice: $('notice'),
        restart: $('restart'),
        messages: $('messages'),
        typing: $('typing'),
        composeForm: $('compose-form'),
        compose: $('compose'),
        send: $('send'),
        announcer: $('announcer'),
    };

    const MAX_TEXT = 2000;
    const MAX_NAME = 40;
    const TYPING_IDLE_MS = 3000;
    /** The server keeps a conversation for a visitor who went away this long (docs/protocol.md). */
    const RESUME_WINDOW_MS = 10 * 60 * 1000;
    /** How many messages a reload can show again without asking the server. */
    const KEPT_MESSAGES = 200;

    /** Query parameters by lower-cased name: their names are case-insensitive (SPEC §4). */
    const params = new Map();
    for (const [name, value] of new URLSearchParams(location.search)) {
        if (!params.has(name.toLowerCase())) {
            params.set(name.toLowerCase(), value);
        }
    }
    const invitee = (params.get('invitee') || '').trim();
    const STORAGE_KEY = 'parley.control.' + invitee.toLowerCase();
    let socketUrl = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host
        + (root.dataset.contextPath || '') + '/ws/control?invitee=' + encodeURIComponent(invitee);
    for (const name of ['mkt', 'dt']) {
        if (params.has(name)) {
            socketUrl += '&' + name + '=' + encodeURIComponent(params.get(name));
        }
    }

    const state = {
        /** The resume token of this visitor's conversation: the first hello's, kept over reconnects. */
        token: null,
        /** The token the current socket's hello gave: becomes the token when there is nothing to resume. */
        helloToken: null,
        lastSeq: 0,
        /** The nickname, or the name the server vouches for. */
        name: '',
        /** The nickname the server last accepted, kept if a change is refused. */
        confirmedName: '',
        verified: false,
        changingName: false,
        invitee: {displayName: '', status: '', statusText: '', personalMessage: ''},
        inviteeTyping: false,
        /** Messages in seq order; own messages waiting for their ack (no seq yet) last. */
        messages: [],
        /** A hello came and any resume was answered: messages may go out. */
        ready: false,
        /** Why the conversation ended, in words. */
        ended: '',
        /** The invitee cannot be reached here: nothing to reconnect to. */
        gone: false,
        /** The invitee is offline and does not take offline messages. */
        refuses: false,
        /** The latest error or remark {text, kind}, until the next message goes through. */
        note: null,
    };
    let resumeId = null;
    let identifyId = null;
    let frameCounter = 0;
    const nextId = () => 'v' + (++frameCounter);

    // ---- kept in sessionStorage, so a reload within 10 minutes resumes the conversation ------------

    function storage() {
        try {
            return window.sessionStorage;
        } catch (e) {
            return null; // blocked, e.g. in an iframe whose storage the browser refuses: no resume after reload
        }
    }

    function restore() {
        let saved = null;
        try {
            saved = JSON.parse(storage().getItem(STORAGE_KEY));
        } catch (e) {
            return;
        }
        if (!saved || !(Date.now() - saved.savedAt < RESUME_WINDOW_MS)) {
            return;
        }
        state.token = saved.token || null;
        state.lastSeq = saved.lastSeq || 0;
        state.name = saved.name || '';
        state.confirmedName = state.name;
        (saved.messages || []).forEach(insertMessage);
    }

    function save() {
        if (!state.token) {
            return;
        }
        const messages = state.messages.filter((m) => m.seq).slice(-KEPT_MESSAGES)
            .map(({seq, at, from, text, state: delivery}) => ({seq, at, from, text, state: delivery}));
        try {
            storage().setItem(STORAGE_KEY, JSON.stringify({
                token: state.token, lastSeq: state.lastSeq, name: state.name, savedAt: Date.now(), messages,
            }));
        } catch (e) {
            // full or blocked: a reload then starts a new conversation
        }
    }

    function forget() {
        try {
            storage().removeItem(STORAGE_KEY);
        } catch (e) {
            // nothing was kept
        }
    }

    // ---- the socket: reconnects with backoff 1 s, 2 s, 4 s … 30 s, then resumes ------------------

    let socket = null;
    let attempt = 0;

    function connect() {
        showConnection(attempt ? 'Reconnecting…' : 'Connecting…');
        socket = new WebSocket(socketUrl);
        socket.addEventListener('message', (event) => receive(event.data));
        socket.addEventListener('close', disconnected);
    }

    function disconnected() {
        socket = null;
        state.ready = false;
        typingSent = false;
        clearTimeout(typingTimer);
        state.inviteeTyping = false;
        showTyping();
        if (state.gone) {
            showConnection('');
            return;
        }
        const delay = Math.min(30000, 1000 * 2 ** attempt);
        attempt++;
        showConnection('Reconnecting…');
        setTimeout(connect, delay);
    }

    function send(frame) {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
            return false;
        }
        socket.send(JSON.stringify(frame));
        return true;
    }

    function showConnection(text) {
        el.connection.textContent = text;
        el.connection.hidden = !text;
    }

    function receive(data) {
        let frame;
        try {
            frame = JSON.parse(data);
        } catch (e) {
            return;
        }
        const handle = frame && handlers[frame.type];
        if (handle) {
            handle(frame);
        }
    }

    const handlers = {
        hello: onHello,
        presence: showInvitee,
        message: onMessage,
        typing: (frame) => {
            state.inviteeTyping = frame.state === 'active';
            showTyping();
        },
        ack: onAck,
        error: onError,
        ended: onEnded,
    };

    function onHello(frame) {
        attempt = 0;
        showConnection('');
        showInvitee(frame.invitee || {});
        const visitor = frame.visitor || {};
        state.verified = Boolean(visitor.verified);
        if (visitor.name) {
            state.name = visitor.name;
        }
        state.helloToken = frame.resume;
        if (state.token) {
            // a resumed conversation keeps its visitor's name: identify only if there is nothing to resume
            resumeId = nextId();
            send({type: 'resume', id: resumeId, token: state.token, lastSeq: state.lastSeq});
        } else {
            state.token = frame.resume;
            becomeReady();
        }
        showVisitor();
    }

    /**
     * Tells a new socket the nickname (unless resuming gave it the conversation's), then sends what
     * was typed while there was no socket or no answer to the resume yet.
     */
    function becomeReady(resumed = false) {
        state.ready = true;
        if (!resumed && !state.verified && state.name) {
            identify(state.name);
        }
        state.messages.filter((m) => m.state === 'sending').forEach(transmit);
    }

    function onAck(frame) {
        if (frame.id === resumeId) {
            resumeId = null;
            state.lastSeq = Math.max(state.lastSeq, frame.seq || 0);
            save();
            becomeReady(true);
        } else if (frame.id === identifyId) {
            identifyId = null;
            state.confirmedName = state.name;
        } else {
            const message = state.messages.find((m) => m.id === frame.id && m.state === 'sending');
            if (!message) {
                return;
            }
            placeWithSeq(message, frame.seq, frame.at);
            setState(message, frame.queued ? 'queued' : 'sent');
            state.note = null;
            showNotice();
            save();
        }
    }

    function onError(frame) {
        if (frame.ref && frame.ref === resumeId) {
            resumeId = null;
            startAfresh();
            becomeReady();
            return;
        }
        if (frame.ref && frame.ref === identifyId) {
            identifyId = null;
            state.name = state.confirmedName;
            state.changingName = !state.name;
            showVisitor();
        }
        const message = state.messages.find((m) => m.id === frame.ref && m.state === 'sending');
        if (message) {
            setState(message, 'failed');
        }
        if (frame.code === 'invitee_offline') {
            state.refuses = true;
        } else if (frame.code === 'not_found' && !frame.ref) {
            state.gone = true; // unknown, not sharing or a rotated CID: the server closes the socket
        } else {
            if (frame.code === 'invalid' && /nickname/i.test(frame.message || '')) {
                state.name = '';
                showVisitor();
                el.nickname.focus();
            }
            state.note = {text: errorText(frame), kind: 'error'};
        }
        showNotice();
        showCompose();
    }

    /** The old conversation is gone (its token unknown or expired): what follows starts a new one. */
    function startAfresh() {
        state.token = state.helloToken;
        state.lastSeq = 0;
        const unsent = state.messages.filter((m) => !m.seq);
        if (unsent.length < state.messages.length) {
            state.note = {text: 'Your earlier conversation has ended.', kind: 'info'};
            state.messages = [];
            el.messages.replaceChildren();
            unsent.forEach(insertMessage);
            forget();
            showNotice();
        }
    }

    function errorText(frame) {
        switch (frame.code) {
            case 'rate_limited': return 'Slow down — try again in ' + (frame.retryAfter || 1) + ' s';
            case 'forbidden': return frame.message || 'That is not allowed.';
            case 'not_found': return 'This conversation is no longer open.';
            case 'invalid': return frame.message ? 'Not accepted: ' + frame.message : 'Not accepted.';
            default: return 'Something went wrong (' + (frame.code || 'unknown error') + ').';
        }
    }

    function onEnded(frame) {
        const name = inviteeName();
        state.ended = {
            closed: 'The conversation was closed.',
            expired: 'The conversation expired.',
        }[frame.reason] || name + ' left.';
        state.token = null; // nothing left to resume, not even after a reload
        forget();
        stopTyping();
        state.inviteeTyping = false;
        showTyping();
        showNotice();
        showCompose();
    }

    el.restart.addEventListener('click', () => {
        forget();
        location.reload();
    });

    // ---- the invitee --------------------------------------------------------------------------------

    const inviteeName = () => state.invitee.displayName || 'The person you chat with';
    const inviteeOffline = () => state.invitee.status === 'Offline';

    /** Fills the header from a hello's invitee or a presence frame. */
    function showInvitee(invitee) {
        if (invitee.displayName) {
            state.invitee.displayName = invitee.displayName;
            el.inviteeName.textContent = invitee.displayName;
            document.title = invitee.displayName + ' · Parley';
        }
        state.invitee.status = invitee.status || 'Offline';
        state.invitee.statusText = invitee.statusText || state.invitee.status;
        state.invitee.personalMessage = invitee.personalMessage || '';
        el.inviteeDot.dataset.status = state.invitee.status;
        el.inviteeStatus.textContent = state.invitee.statusText;
        el.inviteeMessage.textContent = state.invitee.personalMessage;
        if (!inviteeOffline()) {
            state.refuses = false;
        }
        showNotice();
        showCompose();
    }

    /** One notice at a time, the weightiest first. */
    function showNotice() {
        let text = '';
        let kind = 'info';
        if (state.gone) {
            text = 'This person cannot be reached here.';
            kind = 'error';
        } else if (state.ended) {
            text = state.ended;
        } else if (state.note) {
            ({text, kind} = state.note);
        } else if (state.refuses) {
            text = inviteeName() + ' is offline and does not take messages right now.';
        } else if (inviteeOffline() && state.invitee.displayName) {
            text = inviteeName() + ' is offline. Leave a message: they get it when they are back.';
        }
        el.notice.textContent = text;
        el.notice.dataset.kind = kind;
        el.notice.hidden = !text;
    }

    function showCompose() {
        const closed = state.gone || Boolean(state.ended) || state.refuses;
        el.compose.disabled = closed;
        el.send.disabled = closed;
        el.compose.placeholder = inviteeOffline() ? 'Leave a message' : 'Type a message';
        el.restart.hidden = !state.ended;
    }

    function showTyping() {
        el.typing.textContent = state.inviteeTyping && !state.ended ? inviteeName() + ' is typing…' : '';
    }

    // ---- the visitor's name --------------------------------------------------------------------------

    function showVisitor() {
        const editing = !state.verified && (!state.name || state.changingName);
        el.nicknameForm.hidden = !editing;
        el.visitor.hidden = editing || !state.name;
        el.visitorName.textContent = state.name;
        el.verified.hidden = !state.verified;
        // the nickname is part of the conversation once it started
        el.nicknameChange.hidden = state.verified || state.messages.length > 0;
    }

    function identify(name) {
        identifyId = nextId();
        send({type: 'identify', id: identifyId, name});
    }

    el.nicknameForm.addEventListener('submit', (event) => {
        event.preventDefault();
        const name = el.nickname.value.trim();
        if (!name || name.length > MAX_NAME) {
            state.note = {text: 'Pick a nickname of 1 to 40 characters.', kind: 'error'};
            showNotice();
            return;
        }
        state.name = name;
        state.changingName = false;
        state.note = null;
        if (state.ready) {
            identify(name); // otherwise it goes once the socket is ready
        }
        save();
        showVisitor();
        showNotice();
        el.compose.focus();
    });

    el.nicknameChange.addEventListener('click', () => {
        state.changingName = true;
        showVisitor();
        el.nickname.value = state.name;
        el.nickname.focus();
    });

    // ---- messages ------------------------------------------------------------------------------------

    function onMessage(frame) {
        state.lastSeq = Math.max(state.lastSeq, frame.seq || 0);
        const from = frame.from === 'visitor' ? 'visitor' : 'invitee';
        if (state.messages.some((m) => m.seq === frame.seq)) {
            save();
            return; // replayed, and already shown
        }
        if (from === 'visitor') {
            // a replay after a resume may hold one of ours whose ack the old socket never got
            const mine = state.messages.find((m) => m.state === 'sending' && normalize(m.text) === frame.text);
            if (mine) {
                placeWithSeq(mine, frame.seq, frame.at);
                setState(mine, 'sent');
                save();
                return;
            }
        }
        insertMessage({seq: frame.seq, at: frame.at, from, text: frame.text, state: 'sent'});
        if (from === 'invitee') {
            state.inviteeTyping = false;
            showTyping();
            el.announcer.textContent = inviteeName() + ': ' + frame.text;
        }
        save();
    }

    /** The server's own text rules (docs/protocol.md), to recognise an own message in a replay. */
    const normalize = (text) => text.replace(/\r\n/g, '\n').replace(/\t/g, ' ').trim();

    function insertMessage(message) {
        const list = state.messages;
        const goesBefore = (a, b) => (a.seq ? (!b.seq || a.seq < b.seq) : false);
        let index = list.findIndex((other) => goesBefore(message, other));
        if (index < 0) {
            index = list.length;
        }
        list.splice(index, 0, message);
        const next = list[index + 1];
        el.messages.insertBefore(messageNode(message), next ? next.node : null);
        el.messages.scrollTop = el.messages.scrollHeight;
    }

    /** Gives an own message its seq, which may move it before messages that came meanwhile. */
    function placeWithSeq(message, seq, at) {
        message.seq = seq;
        message.at = at;
        state.lastSeq = Math.max(state.lastSeq, seq || 0);
        state.messages.splice(state.messages.indexOf(message), 1);
        insertMessage(message);
    }

    function messageNode(message) {
        if (message.node) {
            return message.node;
        }
        const li = document.createElement('li');
        li.className = 'message';
        li.dataset.from = message.from;
        li.append(span('from', message.from === 'visitor' ? 'You' : inviteeName()));
        li.append(span('text', message.text));
        if (message.from === 'visitor') {
            li.append(span('state', ''));
        }
        message.node = li;
        setState(message, message.state);
        return li;
    }

    function setState(message, delivery) {
        message.state = delivery;
        const li = message.node;
        if (message.seq) {
            li.dataset.seq = String(message.seq);
        }
        if (message.at) {
            li.title = new Date(message.at).toLocaleString();
        }
        const label = li.querySelector('.state');
        if (label) {
            label.dataset.state = delivery;
            label.textContent = {sending: 'sending…', sent: 'sent', queued: 'queued', failed: 'not sent'}[delivery];
        }
    }

    function transmit(message) {
        send({type: 'message', id: message.id, text: message.text});
    }

    function sendMessage() {
        const text = el.compose.value;
        if (!text.trim() || el.compose.disabled) {
            return;
        }
        if (!state.verified && !state.name) {
            state.note = {text: 'Pick a nickname before your first message.', kind: 'error'};
            state.changingName = true;
            showVisitor();
            showNotice();
            el.nickname.focus();
            return;
        }
        if (text.length > MAX_TEXT) {
            state.note = {text: 'A message can have at most 2,000 characters.', kind: 'error'};
            showNotice();
            return;
        }
        const message = {id: nextId(), from: 'visitor', text, state: 'sending'};
        insertMessage(message);
        showVisitor();
        if (state.ready) {
            transmit(message);
        }
        el.compose.value = '';
        stopTyping();
    }

    el.composeForm.addEventListener('submit', (event) => {
        event.preventDefault();
        sendMessage();
    });

    el.compose.addEventListener('keydown', (event) => {
        // Enter sends, Shift+Enter is a new line; an IME composing text keeps its Enter
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            sendMessage();
        }
    });

    // ---- typing: "active" when it starts, "paused" after 3 s idle, on sending or emptying -----------

    let typingSent = false;
    let typingTimer = 0;

    el.compose.addEventListener('input', () => {
        if (!el.compose.value.trim()) {
            stopTyping();
            return;
        }
        if (!typingSent && state.ready) {
            typingSent = send({type: 'typing', state: 'active'});
        }
        clearTimeout(typingTimer);
        typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
    });

    function stopTyping() {
        clearTimeout(typingTimer);
        if (typingSent) {
            send({type: 'typing', state: 'paused'});
            typingSent = false;
        }
    }

    function span(className, text) {
        const node = document.createElement('span');
        node.className = className;
        node.textContent = text;
        return node;
    }

    // the 10 minutes count from when the visitor left the page
    window.addEventListener('pagehide', save);

    if (!invitee) {
        state.gone = true;
        el.inviteeStatus.textContent = '';
        showNotice();
        showCompose();
        return;
    }
    restore();
    showCompose();
    connect();
})();
