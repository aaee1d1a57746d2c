/*
 * Parley web console: the signed-in member answers visitors' conversations over the
 * /ws/client WebSocket (docs/protocol.md, "Member client"). Plain ES2020, no library.
 * Everything that comes from the network is shown as text (textContent), never as HTML.
 */
(() => {
    'use strict';

    const root = document.getElementById('console');
    if (!root) {
        return;
    }
    const $ = (id) => document.getElementById(id);
    const el = {
        connection: $('connection'),
        presenceForm: $('presence-form'),
        status: $('status'),
        personalMessage: $('personal-message'),
        presenceSummary: $('presence-summary'),
        notify: $('notify'),
        notifyState: $('notify-state'),
        notice: $('console-notice'),
        conversations: $('conversations'),
        noConversations: $('no-conversations'),
        title: $('conversation-title'),
        info: $('conversation-info'),
        close: $('close-conversation'),
        messages: $('messages'),
        typing: $('typing'),
        composeForm: $('compose-form'),
        compose: $('compose'),
        send: $('send'),
        offline: $('offline'),
        noOffline: $('no-offline'),
        markAllRead: $('mark-all-read'),
        announcer: $('announcer'),
    };

    /** The console's words in the page's language (data-words, from the Console bundle): t('seenAs', text). */
    const WORDS = JSON.parse(root.dataset.words || '{}');
    const t = (key, ...values) => (WORDS[key] || key).replace(/\{(\d)\}/g, (all, n) => String(values[Number(n)] ?? ''));

    const SOCKET_URL = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host
        + (root.dataset.contextPath || '') + '/ws/client';
    const MAX_TEXT = 2000;
    const TYPING_IDLE_MS = 3000;
    const PAGE_TITLE = document.title;
    /** The id of every "received" frame: a refusal of one (the conversation ended meanwhile) needs no notice. */
    const RECEIPT_ID = 'received';

    /** Open conversations by id, in the order they started. */
    let conversations = new Map();
    /** Unread offline messages by String(id). */
    const offline = new Map();
    /** Own messages waiting for their ack, by frame id. */
    const pending = new Map();
    let selectedId = null;
    /** The status this client chose; null until the member picks one (the server's is shown until then). */
    let chosenStatus = null;
    let sentPersonalMessage = null;
    let frameCounter = 0;
    const nextId = () => 'c' + (++frameCounter);

    // ---- the socket: reconnects with backoff 1 s, 2 s, 4 s … 30 s, while the session is a member's ---------

    let socket = null;
    let attempt = 0;
    /** Set once the session no longer speaks for the member: nothing reconnects, the page says so. */
    let signedOut = false;

    function connect() {
        socket = new WebSocket(SOCKET_URL);
        socket.addEventListener('message', (event) => receive(event.data));
        socket.addEventListener('close', disconnected);
    }

    function disconnected() {
        socket = null;
        for (const entry of pending.values()) {
            setState(entry.message, 'failed');
        }
        stopTyping();
        if (signedOut) {
            return;
        }
        const delay = Math.min(30000, 1000 * 2 ** attempt);
        attempt++;
        showConnection('reconnecting', attempt > 3
            ? t('reconnectingLong')
            : t('reconnecting'));
        // a socket refused or closed because the session ended would be refused for ever: ask first
        sessionLives().then(() => {
            if (!signedOut) {
                setTimeout(connect, delay);
            }
        });
    }

    /**
     * Whether the session still speaks for the member (GET /session: 204, or 401 once it has ended); a browser cannot
     * see why a handshake was refused. A network failure leaves it to the next try.
     */
    function sessionLives() {
        return fetch((root.dataset.contextPath || '') + '/session',
            {credentials: 'same-origin', cache: 'no-store', headers: {'X-Requested-With': 'parley-console'}})
            .then((response) => {
                if (response.status === 401) {
                    endOfSession();
                }
            })
            .catch(() => undefined);
    }

    function endOfSession() {
        if (signedOut) {
            return;
        }
        signedOut = true;
        showConnection('signed-out', t('signedOut'));
        const again = document.createElement('a');
        again.href = (root.dataset.contextPath || '') + '/console';
        again.textContent = t('signInAgain');
        el.connection.append(' ', again);
    }

    function send(frame) {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
            return false;
        }
        socket.send(JSON.stringify(frame));
        return true;
    }

    function showConnection(state, text) {
        el.connection.dataset.state = state;
        el.connection.textContent = text;
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
        'welcome': onWelcome,
        'presence': showPresence,
        'conversation.started': onConversationStarted,
        'conversation.ended': onConversationEnded,
        'message': onMessage,
        'typing': onTyping,
        'ack': onAck,
        'error': onError,
        'offline.read': (frame) => removeOffline(frame.ids || []),
        // a message left on a contact point while this member is connected (Away, Busy…)
        'offline': (frame) => {
            if (frame.message && !offline.has(String(frame.message.id))) {
                addOffline(frame.message);
                showOfflineEmpty();
                announce('New message from ' + ((frame.message.visitor || {}).name || 'a visitor'));
            }
        },
    };

    // ---- welcome: the whole state, at every (re)connect ---------------------------------------------

    function onWelcome(frame) {
        attempt = 0;
        showConnection('connected', t('connected'));
        showNotice('');

        const presence = frame.presence || {};
        if (chosenStatus) {
            // a new socket starts with the server's idea of this client's status: restate ours
            send({type: 'presence', status: chosenStatus});
        } else if (presence.status) {
            el.status.value = presence.status;
        }
        showPresence(presence);

        const previous = conversations;
        conversations = new Map();
        el.conversations.replaceChildren();
        for (const data of frame.conversations || []) {
            addConversation(data, previous.get(data.id));
        }
        keepUnsentMessages(previous);
        if (!conversations.has(selectedId)) {
            selectedId = null;
        }
        select(selectedId || firstConversationId());

        offline.clear();
        el.offline.replaceChildren();
        for (const item of frame.offline || []) {
            addOffline(item);
        }
        showOfflineEmpty();
    }

    /**
     * Own messages that were not sent stay in view, marked "not sent", so the member does not lose
     * what they typed. One that was on its way when the socket dropped may have reached the server
     * all the same: then the welcome has it (a member message with that text after what this
     * client knew) and the copy goes.
     */
    function keepUnsentMessages(previous) {
        const knownSeq = new Map([...pending.values()].map((entry) => [entry.message, entry.knownSeq]));
        pending.clear();
        for (const old of previous.values()) {
            const conversation = conversations.get(old.id);
            if (!conversation) {
                continue;
            }
            for (const message of old.messages.filter((m) => m.state === 'failed')) {
                const arrived = knownSeq.has(message) && conversation.messages.find((m) => m.from === 'member'
                    && !m.matched && m.seq > knownSeq.get(message) && m.text === normalize(message.text));
                if (arrived) {
                    arrived.matched = true;
                } else {
                    insertMessage(conversation, message);
                }
            }
        }
    }

    // ---- presence ----------------------------------------------------------------------------------

    /** The member's aggregate presence (over all their clients), as visitors see it. */
    function showPresence(presence) {
        const text = presence.status ? WORDS['status' + presence.status] || presence.statusText || presence.status : '';
        el.presenceSummary.textContent = text ? t('seenAs', text) : '';
        if (document.activeElement !== el.personalMessage) {
            el.personalMessage.value = presence.personalMessage || '';
            sentPersonalMessage = el.personalMessage.value;
        }
    }

    el.status.addEventListener('change', () => {
        chosenStatus = el.status.value;
        send({type: 'presence', status: chosenStatus});
    });

    function sendPersonalMessage() {
        const personalMessage = el.personalMessage.value.trim();
        if (personalMessage === sentPersonalMessage) {
            return;
        }
        if (send({type: 'presence', status: el.status.value, personalMessage})) {
            sentPersonalMessage = personalMessage;
        }
    }

    el.personalMessage.addEventListener('change', sendPersonalMessage);
    el.presenceForm.addEventListener('submit', (event) => {
        event.preventDefault();
        sendPersonalMessage();
    });

    // ---- conversations -----------------------------------------------------------------------------

    function addConversation(data, old) {
        const conversation = {
            id: data.id,
            visitor: data.visitor || {name: 'Visitor', verified: false},
            page: data.page,
            startedAt: data.startedAt,
            messages: [],
            lastReadSeq: old ? old.lastReadSeq : 0,
            unread: 0,
            typing: false,
            ended: null,
            closing: null, // the id of this client's conversation.close, until the conversation ends
            draft: old ? old.draft : '',
            item: null,
            // what this socket told the server of the visitor's messages (seq -> 'delivered' | 'read'): a new
            // socket tells it again, as what the last one sent may not have arrived
            reported: new Map(),
        };
        for (const message of data.messages || []) {
            insertMessage(conversation, fromServer(message));
        }
        conversation.unread = conversation.messages
            .filter((m) => m.from === 'visitor' && m.seq > conversation.lastReadSeq).length;
        conversations.set(conversation.id, conversation);
        showConversationItem(conversation);
        conversation.messages.forEach((m) => confirm(conversation, m));
        return conversation;
    }

    function onConversationStarted(frame) {
        const data = frame.conversation || {};
        if (!data.id || conversations.has(data.id)) {
            return;
        }
        const conversation = addConversation(data);
        const name = conversation.visitor.name || t('aVisitor');
        announce(t('newConversationWith', name));
        chime();
        notifyDesktop(conversation);
        if (!selectedId) {
            select(conversation.id);
        }
        showTitle();
    }

    function onConversationEnded(frame) {
        const conversation = conversations.get(frame.conversation);
        if (!conversation) {
            return;
        }
        if (conversation.closing) {
            // this client asked for it: nothing left to read, so it goes
            removeConversation(conversation);
            return;
        }
        conversation.ended = frame.reason || 'closed';
        conversation.typing = false;
        showConversationItem(conversation);
        if (conversation.id === selectedId) {
            showSelected();
        }
    }

    function removeConversation(conversation) {
        conversations.delete(conversation.id);
        conversation.item.remove();
        if (conversation.id === selectedId) {
            selectedId = null;
            select(firstConversationId());
        }
        showConversationsEmpty();
        showTitle();
    }

    const firstConversationId = () => (conversations.size ? conversations.keys().next().value : null);

    /** Creates or updates the conversation's entry in the list, in place, so keyboard focus stays put. */
    function showConversationItem(conversation) {
        if (!conversation.item) {
            const li = document.createElement('li');
            li.dataset.conversation = conversation.id;
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'conversation-button';
            button.addEventListener('click', () => {
                select(conversation.id);
                el.compose.focus();
            });
            li.append(button);
            conversation.item = li;
            el.conversations.append(li);
        }
        const li = conversation.item;
        const button = li.firstChild;
        button.replaceChildren(span('visitor-name', conversation.visitor.name || t('visitor')));
        if (conversation.visitor.verified) {
            button.append(verifiedBadge(conversation.visitor));
        }
        if (conversation.unread > 0) {
            const unread = span('unread', String(conversation.unread));
            unread.append(span('visually-hidden', ' unread'));
            button.append(unread);
        }
        if (conversation.ended) {
            button.append(span('ended', 'ended'));
        } else if (conversation.typing) {
            button.append(span('typing-mark', 'typing…'));
        }
        const current = conversation.id === selectedId;
        li.classList.toggle('selected', current);
        if (current) {
            button.setAttribute('aria-current', 'true');
        } else {
            button.removeAttribute('aria-current');
        }
        showConversationsEmpty();
    }

    function showConversationsEmpty() {
        el.noConversations.hidden = conversations.size > 0;
    }

    function select(id) {
        const previous = conversations.get(selectedId);
        if (previous && previous.id !== id) {
            stopTyping();
            previous.draft = el.compose.value;
        }
        const changed = selectedId !== id;
        selectedId = id;
        for (const conversation of conversations.values()) {
            showConversationItem(conversation);
        }
        const conversation = conversations.get(id);
        if (conversation && changed) {
            el.compose.value = conversation.draft;
        }
        showSelected();
    }

    /** Shows the selected conversation: header, messages, typing, the answer box. */
    function showSelected() {
        const conversation = conversations.get(selectedId);
        el.close.hidden = !conversation;
        el.composeForm.hidden = !conversation;
        if (!conversation) {
            el.title.textContent = conversations.size ? t('selectConversation') : t('noConversationSelected');
            el.info.textContent = '';
            el.messages.replaceChildren();
            el.typing.textContent = '';
            return;
        }
        markRead(conversation);
        el.title.textContent = t('conversationWith', conversation.visitor.name || t('aVisitorLower'));
        const info = [];
        if (conversation.visitor.verified) {
            info.push(conversation.visitor.cid
                ? t('verifiedVisitorCid', conversation.visitor.username, conversation.visitor.cid)
                : t('verifiedVisitor', conversation.visitor.username));
        }
        if (conversation.page) {
            info.push(t('from', conversation.page));
        }
        if (conversation.ended) {
            info.push(endedText(conversation));
        }
        el.info.textContent = info.join(' ');
        el.messages.replaceChildren(...conversation.messages.map((m) => messageNode(conversation, m)));
        scrollToEnd();
        showTyping(conversation);
        el.compose.disabled = Boolean(conversation.ended);
        el.send.disabled = Boolean(conversation.ended);
        el.close.textContent = conversation.ended ? t('removeFromList') : t('close');
    }

    function endedText(conversation) {
        const name = conversation.visitor.name || t('theVisitor');
        switch (conversation.ended) {
            case 'closed': return t('endedClosed');
            case 'visitor_left': return t('endedLeft', name);
            case 'expired': return t('endedExpired');
            case 'unreachable': return t('endedUnreachable');
            default: return t('ended');
        }
    }

    function markRead(conversation) {
        conversation.messages.forEach((m) => confirm(conversation, m));
        conversation.lastReadSeq = Math.max(conversation.lastReadSeq, maxSeq(conversation));
        if (conversation.unread) {
            conversation.unread = 0;
            showConversationItem(conversation);
        }
        showTitle();
    }

    /** The total of unread messages in the page title, for a console kept in a background tab. */
    function showTitle() {
        let unread = 0;
        conversations.forEach((c) => { unread += c.unread; });
        document.title = unread ? '(' + unread + ') ' + PAGE_TITLE : PAGE_TITLE;
    }

    el.close.addEventListener('click', () => {
        const conversation = conversations.get(selectedId);
        if (!conversation) {
            return;
        }
        if (conversation.ended) {
            removeConversation(conversation);
            return;
        }
        const id = nextId();
        if (send({type: 'conversation.close', id, conversation: conversation.id})) {
            conversation.closing = id;
            stopTyping();
        } else {
            showNotice(t('notConnectedNotClosed'));
        }
    });

    // ---- messages ----------------------------------------------------------------------------------

    const fromServer = (m) => ({
        seq: m.seq,
        at: m.at,
        from: m.from === 'visitor' ? 'visitor' : 'member',
        text: m.text,
        state: 'sent',
    });

    const maxSeq = (conversation) => conversation.messages.reduce((max, m) => (m.seq > max ? m.seq : max), 0);

    /** The server's own text rules (docs/protocol.md), to recognise an own message it took. */
    const normalize = (text) => text.replace(/\r\n/g, '\n').replace(/\t/g, ' ').trim();

    /** Keeps messages in seq order; those still waiting for their seq go last, in the order sent. */
    function insertMessage(conversation, message) {
        const list = conversation.messages;
        const goesBefore = (a, b) => (a.seq ? (!b.seq || a.seq < b.seq) : false);
        let index = list.findIndex((other) => goesBefore(message, other));
        if (index < 0) {
            index = list.length;
        }
        list.splice(index, 0, message);
        if (conversation.id === selectedId) {
            const atEnd = isScrolledToEnd();
            const next = list[index + 1];
            el.messages.insertBefore(messageNode(conversation, message), next ? messageNode(conversation, next) : null);
            if (atEnd || message.from === 'member') {
                scrollToEnd();
            }
        }
    }

    function onMessage(frame) {
        const conversation = conversations.get(frame.conversation);
        if (!conversation || conversation.messages.some((m) => m.seq === frame.seq)) {
            return;
        }
        const message = fromServer(frame);
        insertMessage(conversation, message);
        if (message.from !== 'visitor') {
            return; // written by another client of this member
        }
        confirm(conversation, message);
        conversation.typing = false;
        if (conversation.id === selectedId) {
            showTyping(conversation);
            markRead(conversation);
        } else {
            conversation.unread++;
            showTitle();
        }
        showConversationItem(conversation);
        announce((conversation.visitor.name || 'Visitor') + ': ' + message.text);
    }

    /** One message as a list item; built once and kept, so updates (state, seq) reach the page. */
    function messageNode(conversation, message) {
        if (message.node) {
            return message.node;
        }
        const li = document.createElement('li');
        li.className = 'message';
        li.dataset.from = message.from;
        const from = message.from === 'visitor' ? conversation.visitor.name || t('visitor') : t('you');
        li.append(span('from', from));
        const time = document.createElement('time');
        time.className = 'at';
        li.append(time);
        li.append(span('text', message.text));
        if (message.from === 'member') {
            li.append(span('state', ''));
        }
        message.node = li;
        showMessageDetails(message);
        return li;
    }

    function showMessageDetails(message) {
        const li = message.node;
        if (!li) {
            return;
        }
        if (message.seq) {
            li.dataset.seq = String(message.seq);
        }
        const time = li.querySelector('time');
        if (message.at) {
            time.dateTime = message.at;
            time.textContent = new Date(message.at).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
        }
        const state = li.querySelector('.state');
        if (state) {
            state.dataset.state = message.state;
            state.textContent = {sending: t('stateSending'), sent: t('stateSent'), failed: t('stateFailed')}[message.state];
            state.title = message.error || '';
        }
    }

    function setState(message, state, error = '') {
        message.state = state;
        message.error = error;
        showMessageDetails(message);
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

    function sendMessage() {
        const conversation = conversations.get(selectedId);
        const text = el.compose.value;
        if (!conversation || conversation.ended || !text.trim()) {
            return;
        }
        if (text.length > MAX_TEXT) {
            showNotice(t('tooLong'));
            return;
        }
        const message = {id: nextId(), from: 'member', text, state: 'sending', at: null};
        const frame = {type: 'message', id: message.id, conversation: conversation.id, text};
        const knownSeq = maxSeq(conversation);
        if (!send(frame)) {
            showNotice(t('notConnectedNotSent'));
            return;
        }
        showNotice('');
        pending.set(message.id, {conversation: conversation.id, message, knownSeq});
        insertMessage(conversation, message);
        el.compose.value = '';
        conversation.draft = '';
        stopTyping();
    }

    function onAck(frame) {
        const entry = pending.get(frame.id);
        if (!entry) {
            return; // the ack of a close or an offline.read: their events follow
        }
        pending.delete(frame.id);
        const conversation = conversations.get(entry.conversation);
        const message = entry.message;
        message.seq = frame.seq;
        message.at = frame.at;
        setState(message, 'sent');
        if (conversation) {
            // the seq may place it before messages that arrived while it was on its way
            conversation.messages.splice(conversation.messages.indexOf(message), 1);
            insertMessage(conversation, message);
        }
    }

    /**
     * Tells the server this console showed a visitor's message, so the visitor sees it delivered
     * and it never becomes an offline message as well; "read" when the conversation is the one on
     * screen in a visible tab. Once per message and state, on every socket.
     */
    function confirm(conversation, message) {
        if (message.from !== 'visitor' || !message.seq || conversation.ended) {
            return;
        }
        const read = conversation.id === selectedId && document.visibilityState === 'visible';
        const told = conversation.reported.get(message.seq);
        if (told === 'read' || (told === 'delivered' && !read)) {
            return;
        }
        if (send({type: 'received', id: RECEIPT_ID, conversation: conversation.id, seq: message.seq, read})) {
            conversation.reported.set(message.seq, read ? 'read' : 'delivered');
        }
    }

    // a console in a background tab delivers; coming to the front, the conversation on screen is read
    document.addEventListener('visibilitychange', () => {
        const conversation = conversations.get(selectedId);
        if (conversation && document.visibilityState === 'visible') {
            markRead(conversation);
        }
    });

    function onError(frame) {
        if (frame.ref === RECEIPT_ID) {
            return; // the conversation ended meanwhile: what it held is settled (docs/protocol.md)
        }
        const text = errorText(frame);
        const entry = pending.get(frame.ref);
        if (entry) {
            pending.delete(frame.ref);
            setState(entry.message, 'failed', text);
        }
        for (const conversation of conversations.values()) {
            if (conversation.closing === frame.ref) {
                conversation.closing = null;
            }
        }
        showNotice(text);
    }

    function errorText(frame) {
        switch (frame.code) {
            case 'rate_limited': return t('errRateLimited', frame.retryAfter || 1);
            case 'not_found': return t('errNotFound');
            case 'forbidden': return frame.message || t('errForbidden');
            case 'invalid': return t('errInvalid', frame.message || t('errInvalidField'));
            default: return t('errOther', frame.code || t('errUnknown'));
        }
    }

    function showNotice(text) {
        el.notice.textContent = text;
        el.notice.hidden = !text;
    }

    function isScrolledToEnd() {
        const list = el.messages;
        return list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    }

    function scrollToEnd() {
        el.messages.scrollTop = el.messages.scrollHeight;
    }

    // ---- typing, both ways -------------------------------------------------------------------------

    function onTyping(frame) {
        const conversation = conversations.get(frame.conversation);
        if (!conversation) {
            return;
        }
        conversation.typing = frame.state === 'active';
        showConversationItem(conversation);
        if (conversation.id === selectedId) {
            showTyping(conversation);
        }
    }

    function showTyping(conversation) {
        el.typing.textContent = conversation.typing && !conversation.ended
            ? t('typing', conversation.visitor.name || t('theVisitor'))
            : '';
    }

    /** The conversation this client told "active", and when to tell it "paused". */
    let typingIn = null;
    let typingTimer = 0;

    el.compose.addEventListener('input', () => {
        const conversation = conversations.get(selectedId);
        if (!conversation || conversation.ended || !el.compose.value.trim()) {
            stopTyping();
            return;
        }
        if (typingIn !== conversation.id && send({type: 'typing', conversation: conversation.id, state: 'active'})) {
            typingIn = conversation.id;
        }
        clearTimeout(typingTimer);
        typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
    });

    function stopTyping() {
        clearTimeout(typingTimer);
        if (typingIn !== null) {
            send({type: 'typing', conversation: typingIn, state: 'paused'});
            typingIn = null;
        }
    }

    // ---- offline messages --------------------------------------------------------------------------

    function addOffline(item) {
        offline.set(String(item.id), item);
        const li = document.createElement('li');
        li.dataset.offlineId = String(item.id);
        const visitor = item.visitor || {};
        const head = document.createElement('div');
        head.className = 'offline-head';
        head.append(span('visitor-name', visitor.name || 'Visitor'));
        if (visitor.verified) {
            head.append(verifiedBadge(visitor));
        }
        if (item.at) {
            const time = document.createElement('time');
            time.dateTime = item.at;
            time.textContent = new Date(item.at).toLocaleString([], {dateStyle: 'medium', timeStyle: 'short'});
            head.append(time);
        }
        const read = document.createElement('button');
        read.type = 'button';
        read.className = 'secondary mark-read';
        read.textContent = t('markRead');
        read.setAttribute('aria-label', t('markReadFrom', visitor.name || t('theVisitorLower')));
        read.addEventListener('click', () => markOfflineRead([item.id]));
        head.append(read);
        li.append(head);
        if (item.contact) {
            // left on a contact point: every member of its list has it until one of them marks it read
            li.append(span('offline-contact', 'Via ' + (item.contact.title || item.contact.name)
                + (item.replyTo ? ' · answer to: ' + item.replyTo : '')));
        }
        li.append(span('text', item.text));
        el.offline.append(li);
    }

    // at most 200 ids a frame: a full mailbox (500) in one frame was larger than the 16 KiB Parley takes
    const OFFLINE_READ_MOST = 200;

    function markOfflineRead(ids) {
        for (let from = 0; from < ids.length; from += OFFLINE_READ_MOST) {
            if (!send({type: 'offline.read', id: nextId(), ids: ids.slice(from, from + OFFLINE_READ_MOST)})) {
                showNotice(t('notConnectedTryAgain'));
                return;
            }
        }
    }

    el.markAllRead.addEventListener('click', () => markOfflineRead([...offline.values()].map((item) => item.id)));

    function removeOffline(ids) {
        for (const id of ids.map(String)) {
            if (offline.delete(id)) {
                el.offline.querySelector('li[data-offline-id="' + CSS.escape(id) + '"]').remove();
            }
        }
        showOfflineEmpty();
    }

    function showOfflineEmpty() {
        el.noOffline.hidden = offline.size > 0;
        el.markAllRead.hidden = offline.size < 2;
    }

    // ---- notifications: a sound, the screen reader, the desktop ------------------------------------

    function announce(text) {
        el.announcer.textContent = text;
    }

    /* Browsers let a page make sound only after the person interacted with it, so the audio
       context is created on the first click or key press. */
    let audio = null;
    function unlockAudio() {
        const Context = window.AudioContext || window.webkitAudioContext;
        if (!audio && Context) {
            audio = new Context();
        }
        if (audio && audio.state === 'suspended') {
            audio.resume();
        }
    }
    document.addEventListener('pointerdown', unlockAudio, {once: true});
    document.addEventListener('keydown', unlockAudio, {once: true});

    /** Two short rising tones, made on the spot: no audio file. */
    function chime() {
        if (!audio || audio.state !== 'running') {
            return;
        }
        const start = audio.currentTime;
        [660, 880].forEach((frequency, i) => {
            const at = start + i * 0.16;
            const tone = audio.createOscillator();
            const volume = audio.createGain();
            tone.frequency.value = frequency;
            volume.gain.setValueAtTime(0.0001, at);
            volume.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
            volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.15);
            tone.connect(volume).connect(audio.destination);
            tone.start(at);
            tone.stop(at + 0.16);
        });
    }

    function notifyDesktop(conversation) {
        if (!('Notification' in window) || Notification.permission !== 'granted') {
            return;
        }
        const notification = new Notification(t('notificationTitle'), {
            body: t('notificationBody', conversation.visitor.name || t('aVisitor')),
            tag: 'parley-conversation-' + conversation.id,
        });
        notification.addEventListener('click', () => {
            window.focus();
            if (conversations.has(conversation.id)) {
                select(conversation.id);
                el.compose.focus();
            }
            notification.close();
        });
    }

    /** Permission is asked for only when the member presses the button, never on page load. */
    function showNotificationState() {
        if (!('Notification' in window)) {
            el.notifyState.textContent = t('notifyUnsupported');
            return;
        }
        const permission = Notification.permission;
        el.notify.hidden = permission !== 'default';
        el.notifyState.textContent = {
            granted: t('notifyOn'),
            denied: t('notifyBlocked'),
        }[permission] || '';
    }

    el.notify.addEventListener('click', () => {
        Notification.requestPermission().then(showNotificationState);
    });

    /** A verified visitor's badge names their username: a display name can be anyone's, a username only theirs. */
    function verifiedBadge(visitor) {
        const badge = span('verified', visitor.username ? t('verifiedAs', visitor.username) : t('verified'));
        badge.title = !visitor.username ? t('signedIn')
            : visitor.cid ? t('signedInAsCid', visitor.username, visitor.cid) : t('signedInAs', visitor.username);
        return badge;
    }

    function span(className, text) {
        const node = document.createElement('span');
        node.className = className;
        node.textContent = text;
        return node;
    }

    showNotificationState();
    showConversationsEmpty();
    showOfflineEmpty();
    showSelected();
    connect();
})();
