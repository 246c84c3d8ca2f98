package dev.newsvault.render;

import java.util.List;

/**
 * A page as the browser showed it.
 *
 * @param url the URL loaded
 * @param finalUrl where the browser ended (after redirects and script navigation)
 * @param html the rendered DOM, serialised
 * @param screenshot the full-page picture, or null when none was asked for
 * @param refused requests of the page that the address guard refused ("URL: reason")
 * @param settled whether the network went quiet within {@code render.settle.ms} after load
 * @param durationMs how long the rendering took
 */
public record Rendering(String url, String finalUrl, String html, Screenshot screenshot, List<String> refused,
    boolean settled, long durationMs) {

  public Rendering {
    refused = List.copyOf(refused);
  }
}
