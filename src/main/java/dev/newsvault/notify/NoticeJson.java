package dev.newsvault.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The JSON document a webhook receives (schema in docs/notifications.md). */
public final class NoticeJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NoticeJson() {}

  public static String of(Message m, Instant sentAt) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", m.event());
    root.put("key", m.key());
    root.put("sent_at", sentAt.toString());
    ArrayNode list = root.putArray("notices");
    for (Notice n : m.notices()) {
      ObjectNode o = list.addObject();
      o.put("notice", n.noticeId());
      o.put("url", n.url());
      o.put("title", n.title());
      o.put("host", n.host());
      o.put("list", n.list());
      ObjectNode old = o.putObject("old");
      old.put("version", n.oldVersion());
      old.put("fetched_at", n.oldTime());
      ObjectNode now = o.putObject("new");
      now.put("version", n.newVersion());
      now.put("fetched_at", n.newTime());
      ObjectNode change = o.putObject("change");
      change.put("kind", n.kind());
      change.put("words_added", n.wordsAdded());
      change.put("words_removed", n.wordsRemoved());
      o.put("diff", n.diff());
      o.put("diff_url", n.diffUrl());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a notice as JSON", e);
    }
  }
}
