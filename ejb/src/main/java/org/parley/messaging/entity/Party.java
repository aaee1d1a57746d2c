package org.parley.messaging.entity;

/** Who wrote a message or is typing: the visitor, or the member they talk to. */
public enum Party {
    VISITOR, MEMBER
}
