/*
 * Parley IM control (SPEC.md §4), the visitor's side of a conversation over /ws/control
 * (docs/protocol.md, "Visitor"), for conversation/imme.xhtml in its three views: the window,
 * a button that opens it, and a status icon that links to it. Plain ES2020, no library.
 * What the page validated (the invitee, the socket's query, the views' addresses) and this
 * culture's words come from the JSON island #control-config; the address bar is not read.
 * Everything that comes from the network is shown as text (textContent), never as HTML.
 */
(() => {
    'use strict';

    const root = document.getElementById('control');
    const island = document.getElementById('control-config');
    if (!root || !island) {
        return;
    }
    let config;
    try {
        config = JSON.parse(island.textContent);
    } catch (e) {
        return;
    }
    const strings = config.strings || {};
    const statuses = config.statuses || {};

    /** Right to left, a name or a message in another script is isolated so it cannot reorder the words around it. */
    const isolate = document.documentElement.dir === 'rtl' ? (text) => '\u2068' + text + '\u2069' : (text) => text;
    /** This culture's string, with {placeholders} filled in. */
    const t = (key, values = {}) => (strings[key] || key)
        .replace(/\{(\w+)\}/g, (match, name) => (name in values ? isolate(String(values[name])) : match));

    const $ = (id) => document.getElementById(id);
    const el = {
        window: $('window'),
        launcher: $('launcher'),
        openChat: $('open-chat'),
        launcherIcon: $('launcher-icon'),
        launcherText: $('launcher-text'),
        iconLink: $('icon-link'),
        iconImg: $('icon-img'),
        inviteeIcon: $('invitee-icon'),
        inviteeName: $('invitee-name'),
        inviteeStatus: $('invitee-status'),
        inviteeMessage: $('invitee-message'),
        nicknameForm: $('nickname-form'),
        nickname: $('nickname'),
        visitor: $('visitor'),
        visitorText: $('visitor-text'),
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
        leave: $('leave-message'),
        send: $('send'),
        announcer: $('announcer'),
    };
    /** The icon view only shows the status; the conversation needs the window's elements. */
    const chatting = Boolean(el.window);

    const MAX_TEXT = 2000;
    const MAX_NAME = 40;
    const TYPING_IDLE_MS = 3000;
    /** The server keeps a conversation for a visitor who went away this long (docs/protocol.md). */
    const RESUME_WINDOW_MS = 10 * 60 * 1000;
    /** How many messages a reload can show again without asking the server. */
    const KEPT_MESSAGES = 200;
    const STATUSES = ['Online', 'Busy', 'OnThePhone', 'BeRightBack', 'Idle', 'Away', 'OutToLunch', 'Offline'];

    const invitee = String(config.invitee || '');
    const STORAGE_KEY = 'parley.control.' + invitee.toLowerCase();
    let socketUrl = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host
        + (config.contextPath || '') + '/ws/control?' + config.socket;

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
        invitee: {displayName: '', status: '', personalMessage: ''},
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
        /** The visitor chose "Leave a message" while the invitee is offline. */
        leaving: false,
        /** The invitee went offline during this conversation. */
        wentOffline: false,
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
        if (!state.token || !chatting) {
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
        showConnection(attempt ? t('status.reconnecting') : '');
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
        showConnection(t('status.reconnecting'));
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
        if (el.connection) {
            el.connection.textContent = text;
        }
    }

    function receive(data) {
        let frame;
        try {
            frame = JSON.parse(data);
        } catch (e) {
            return;
        }
        const handle = frame && handlers[frame.type];
        if (handle && (chatting || frame.type === 'hello' || frame.type === 'presence' || frame.type === 'error')) {
            handle(frame);
        }
    }

    const handlers = {
        hello: onHello,
        presence: (frame) => {
            followRouting(frame);
            showInvitee(frame);
        },
        message: onMessage,
        typing: (frame) => {
            state.inviteeTyping = frame.state === 'active';
            showTyping();
        },
        ack: onAck,
        receipt: onReceipt,
        error: onError,
        ended: onEnded,
    };

    /** A contact point routed this control to one of its members: reconnects come back to that member. */
    function followRouting(frame) {
        if (typeof frame.reconnect === 'string') {
            socketUrl = socketUrl.replace(/\?.*$/, '?' + frame.reconnect);
        }
    }

    function onHello(frame) {
        attempt = 0;
        showConnection('');
        if (typeof frame.pass === 'string') {
            // the profile page's pass is short-lived: reconnects use the fresh one each hello brings
            socketUrl = socketUrl.replace(/([?&]pt=)[^&]*/, '$1' + encodeURIComponent(frame.pass));
        }
        followRouting(frame);
        showInvitee(frame.invitee || {});
        if (!chatting) {
            return;
        }
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
        if (resumed) {
            confirmAgain();
        }
        state.messages.filter((m) => m.state === 'sending').forEach(transmit);
    }

    /**
     * A `received` sent just before the old socket went may have gone with it: on the resumed socket every message of
     * the member's that this control showed is confirmed again (the server takes each state once, so a repeat is harmless).
     */
    function confirmAgain() {
        state.messages.filter((m) => m.from === 'invitee' && m.seq && m.receipt)
            .forEach((m) => send({type: 'received', seq: m.seq, read: m.receipt === 'read'}));
        state.messages.forEach(confirmShown);
        save();
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
            const early = earlyReceipts.get(frame.seq);
            if (early) {
                earlyReceipts.delete(frame.seq);
                upgrade(message, early);
            }
            state.note = null;
            showNotice();
            save();
        }
    }

    /** How far a message of the visitor got: a receipt never takes it back. */
    const DELIVERY_RANK = {sent: 1, delivered: 2, read: 3};
    /** Receipts that overtook the ack of their message, by seq. */
    const earlyReceipts = new Map();

    /** A client of the invitee showed one of the visitor's messages ("delivered"), or the invitee read it. */
    function onReceipt(frame) {
        if (!DELIVERY_RANK[frame.state]) {
            return;
        }
        const message = state.messages.find((m) => m.seq === frame.seq && m.from === 'visitor');
        if (message) {
            upgrade(message, frame.state);
            save();
        } else if (state.messages.some((m) => m.state === 'sending')) {
            earlyReceipts.set(frame.seq, frame.state);
        }
    }

    function upgrade(message, delivery) {
        if (DELIVERY_RANK[message.state] && DELIVERY_RANK[message.state] < DELIVERY_RANK[delivery]) {
            setState(message, delivery);
        }
    }

    function onError(frame) {
        if (!chatting) {
            if (frame.code === 'not_found' && !frame.ref) {
                state.gone = true;
                showIcon();
            }
            return;
        }
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
            state.leaving = false;
        } else if (frame.code === 'not_found' && !frame.ref) {
            state.gone = true; // unknown, not sharing or a rotated CID: the server closes the socket
            el.inviteeStatus.textContent = '';
            showIcon();
        } else {
            if (frame.code === 'invalid' && /nickname/i.test(frame.message || '')) {
                state.name = '';
                state.changingName = true;
                showVisitor();
                el.nickname.focus();
                state.note = {text: t('nickname.first'), kind: 'error'};
            } else {
                state.note = {text: errorText(frame), kind: 'error'};
            }
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
            state.note = {text: t('notice.earlier.ended'), kind: 'info'};
            state.messages = [];
            el.messages.replaceChildren();
            unsent.forEach(insertMessage);
            forget();
            showNotice();
        }
    }

    function errorText(frame) {
        switch (frame.code) {
            // a member's full mailbox is no reason to slow down: only the member reading empties it
            case 'rate_limited': return /mailbox is full/i.test(frame.message || '') ? t('error.mailbox.full', {name: inviteeName()})
                : t('error.rate.limited', {seconds: frame.retryAfter || 1});
            // a refusal that answers nothing the visitor sent is the visitor ticket's
            case 'forbidden': return t(frame.ref ? 'error.forbidden' : 'error.ticket');
            case 'not_found': return t('error.not.found');
            case 'invalid': return t('error.invalid');
            default: return t('error.other', {code: frame.code || '?'});
        }
    }

    function onEnded(frame) {
        state.ended = {
            closed: t('ended.closed'),
            expired: t('ended.expired'),
        }[frame.reason] || t('ended.other', {name: inviteeName()});
        state.token = null; // nothing left to resume, not even after a reload
        forget();
        stopTyping();
        state.inviteeTyping = false;
        showTyping();
        showNotice();
        showCompose();
    }

    // ---- the invitee --------------------------------------------------------------------------------

    const inviteeName = () => state.invitee.displayName || t('someone');
    const inviteeOffline = () => state.invitee.status === 'Offline';
    const statusText = (status) => statuses[status] || status;
    const iconOf = (status) => (config.contextPath || '') + '/icons/presence/'
        + status.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase() + '.svg';

    function showIcon(img) {
        const images = img ? [img] : [el.inviteeIcon, el.launcherIcon, el.iconImg];
        const status = state.invitee.status || 'Offline';
        const text = state.gone ? t('notice.gone') : statusText(status);
        images.filter(Boolean).forEach((image) => {
            image.src = iconOf(status);
            image.alt = text;
            image.dataset.status = status;
        });
        if (el.iconImg) {
            const label = state.gone ? text : t('icon.label', {name: inviteeName(), status: text});
            el.iconImg.alt = label;
            el.iconLink.title = label;
        }
    }

    /** Fills the header, the button and the icon from a hello's invitee or a presence frame. */
    function showInvitee(invitee) {
        const was = state.invitee.status;
        if (invitee.displayName) {
            state.invitee.displayName = invitee.displayName;
            if (el.inviteeName) {
                el.inviteeName.textContent = invitee.displayName;
            }
            if (el.launcherText) {
                el.launcherText.textContent = t('chat.with', {name: invitee.displayName});
            }
            document.title = t('window.title', {name: invitee.displayName});
        }
        state.invitee.status = STATUSES.includes(invitee.status) ? invitee.status : 'Offline';
        state.invitee.personalMessage = invitee.personalMessage || '';
        showIcon();
        if (!was && window.performance && performance.mark) {
            performance.mark('parley-status'); // how soon after loading the status shows (ImControlBrowserIT)
        }
        root.dataset.status = state.invitee.status;
        if (!chatting) {
            return;
        }
        el.inviteeStatus.textContent = statusText(state.invitee.status);
        el.inviteeMessage.textContent = state.invitee.personalMessage;
        if (!inviteeOffline()) {
            state.refuses = false;
            state.leaving = false;
            state.wentOffline = false;
        } else if (was && was !== 'Offline' && state.messages.length > 0 && !state.ended) {
            state.wentOffline = true; // told once, in the notice, which screen readers read out
            state.inviteeTyping = false;
            showTyping();
        }
        showNotice();
        showCompose();
    }

    /** One notice at a time, the weightiest first. */
    function showNotice() {
        let text = '';
        let kind = 'info';
        if (state.gone) {
            text = t('notice.gone');
            kind = 'error';
        } else if (state.ended) {
            text = state.ended;
        } else if (state.note) {
            ({text, kind} = state.note);
        } else if (state.refuses) {
            text = t('notice.refuses', {name: inviteeName()});
        } else if (state.wentOffline) {
            text = t('notice.went.offline', {name: inviteeName()});
        } else if (inviteeOffline() && state.invitee.displayName) {
            text = t('notice.offline', {name: inviteeName()});
        }
        if (el.notice.textContent !== text) {
            el.notice.textContent = text;
        }
        el.notice.dataset.kind = kind;
    }

    /**
     * The input: disabled once nothing can be sent; while the invitee is offline, disabled until
     * the visitor chooses "Leave a message" (unless the member takes no offline messages).
     */
    function showCompose() {
        const closed = state.gone || Boolean(state.ended) || state.refuses;
        const offline = inviteeOffline();
        const waiting = !closed && offline && !state.leaving;
        const hadFocus = document.activeElement === el.leave;
        el.compose.disabled = closed || waiting;
        el.send.disabled = closed || waiting;
        el.send.hidden = waiting;
        el.leave.hidden = !waiting;
        el.compose.placeholder = t(offline ? 'message.leave' : 'message.placeholder');
        el.restart.hidden = !state.ended;
        if (hadFocus && el.leave.hidden) {
            (el.compose.disabled ? el.messages : el.compose).focus();
        }
    }

    function showTyping() {
        if (el.typing) {
            el.typing.textContent = state.inviteeTyping && !state.ended ? t('typing', {name: inviteeName()}) : '';
        }
    }

    // ---- the visitor's name --------------------------------------------------------------------------

    function showVisitor() {
        const editing = !state.verified && (!state.name || state.changingName);
        el.nicknameForm.hidden = !editing;
        el.visitor.hidden = editing || !state.name;
        el.visitorName.textContent = state.name;
        const [before, after] = t('visitor.is').split('{name}');
        el.visitorText.replaceChildren(before, el.visitorName, after === undefined ? '' : after);
        el.verified.hidden = !state.verified;
        // the nickname is part of the conversation once it started
        el.nicknameChange.hidden = state.verified || state.messages.length > 0;
    }

    function identify(name) {
        identifyId = nextId();
        send({type: 'identify', id: identifyId, name});
    }

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
        const shown = {seq: frame.seq, at: frame.at, from, text: frame.text, state: 'sent'};
        insertMessage(shown);
        if (from === 'invitee') {
            confirmShown(shown);
            state.inviteeTyping = false;
            showTyping();
            el.announcer.textContent = t('announce.message', {name: inviteeName(), text: frame.text});
        }
        save();
    }

    /**
     * Tells the member's clients that the visitor saw their message (docs/protocol.md, received): read
     * when this page is in front of the visitor, else delivered, and read once it comes to the front.
     */
    function confirmShown(message) {
        if (message.from !== 'invitee' || !message.seq || message.receipt === 'read') {
            return;
        }
        const read = !document.hidden;
        if (message.receipt === 'delivered' && !read) {
            return;
        }
        if (send({type: 'received', seq: message.seq, read})) {
            message.receipt = read ? 'read' : 'delivered';
        }
    }

    document.addEventListener('visibilitychange', () => {
        if (!document.hidden) {
            state.messages.forEach(confirmShown);
            save();
        }
    });

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
        li.append(span('from', message.from === 'visitor' ? t('from.you') : inviteeName()));
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
            li.title = new Date(message.at).toLocaleString(config.lang);
        }
        const label = li.querySelector('.state');
        if (label) {
            label.dataset.state = delivery;
            label.textContent = t('delivery.' + delivery);
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
            state.note = {text: t('nickname.first'), kind: 'error'};
            state.changingName = true;
            showVisitor();
            showNotice();
            el.nickname.focus();
            return;
        }
        if (text.length > MAX_TEXT) {
            state.note = {text: t('message.too.long'), kind: 'error'};
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

    // ---- typing: "active" when it starts, "paused" after 3 s idle, on sending or emptying -----------

    let typingSent = false;
    let typingTimer = 0;

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

    // ---- the views ------------------------------------------------------------------------------------

    /** The button view turns into the window, in place. */
    function openWindow(focus) {
        if (el.launcher) {
            el.launcher.hidden = true;
        }
        el.window.classList.remove('closed');
        root.dataset.view = 'window';
        if (focus) {
            (el.nicknameForm.hidden ? el.compose : el.nickname).focus();
        }
    }

    function wireWindow() {
        el.restart.addEventListener('click', () => {
            forget();
            location.reload();
        });

        el.nicknameForm.addEventListener('submit', (event) => {
            event.preventDefault();
            const name = el.nickname.value.trim();
            if (!name || name.length > MAX_NAME) {
                state.note = {text: t('nickname.invalid'), kind: 'error'};
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
            (el.compose.disabled ? (el.leave.hidden ? el.messages : el.leave) : el.compose).focus();
        });

        el.nicknameChange.addEventListener('click', () => {
            state.changingName = true;
            showVisitor();
            el.nickname.value = state.name;
            el.nickname.focus();
        });

        el.leave.addEventListener('click', () => {
            state.leaving = true;
            showCompose();
            el.compose.focus();
        });

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

        if (el.openChat) {
            el.openChat.addEventListener('click', () => openWindow(true));
        }

        // the 10 minutes count from when the visitor left the page
        window.addEventListener('pagehide', save);
    }

    if (el.iconLink) {
        // a small window of its own, as Messenger's was; without script (or blocked) the link opens a tab
        el.iconLink.addEventListener('click', (event) => {
            const popup = window.open(el.iconLink.href, '_blank', 'popup,width=320,height=420');
            if (popup) {
                popup.opener = null;
                event.preventDefault();
            }
        });
    }

    if (!invitee || !config.socket) {
        state.gone = true;
        showIcon();
        if (chatting) {
            wireWindow();
            el.inviteeStatus.textContent = '';
            showNotice();
            showCompose();
        }
        return;
    }
    if (chatting) {
        wireWindow();
        restore();
        if (state.lastSeq > 0 && el.launcher) {
            openWindow(false); // a conversation going on: back to it, not to the button
        }
        showCompose();
    }
    connect();
})();
