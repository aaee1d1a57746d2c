package org.parley.messaging.boundary;

import java.util.List;
import org.parley.messaging.entity.Conversation;
import org.parley.messaging.entity.ConversationMessage;
import org.parley.messaging.entity.Receipt;

/**
 * A conversation taken back by its visitor, with the messages they missed and the latest
 * receipt of each of their own messages still kept (a receipt may have come while they were away).
 */
public record Resumed(Conversation conversation, List<ConversationMessage> missed, List<Receipt> receipts) {
}
