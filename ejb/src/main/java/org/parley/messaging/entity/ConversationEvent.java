package org.parley.messaging.entity;

/** Something happened in a conversation; the socket layer tells the right sessions. */
public sealed interface ConversationEvent
        permits ConversationStarted, MessagePosted, TypingChanged, Receipt, VisitorReceipt, ConversationEnded {

    String conversationId();

    /** The member the conversation is with. */
    String invitee();
}
