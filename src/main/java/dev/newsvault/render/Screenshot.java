package dev.newsvault.render;

/**
 * A full-page picture of a rendered page, its height capped by {@code render.screenshot.max.height}.
 *
 * @param image the encoded image
 * @param format "webp" or "jpeg"
 * @param width its width in pixels
 * @param height its height in pixels
 * @param cut whether the page was taller than the cap and the picture shows only its top
 */
public record Screenshot(byte[] image, String format, int width, int height, boolean cut) {

  /** The image's media type. */
  public String mediaType() {
    return "image/" + format;
  }
}
