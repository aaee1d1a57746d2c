package org.parley.messaging.boundary;

import java.util.List;
import org.parley.messaging.entity.Conversation;
import org.parley.messaging.entity.ConversationMessage;

/** A conversation taken back by its visitor, with the messages they missed. */
public record Resumed(Conversation conversation, List<ConversationMessage> missed) {
}
