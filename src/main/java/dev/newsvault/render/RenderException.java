package dev.newsvault.render;

import java.io.IOException;

/**
 * A page the browser could not render. {@link #browserBroken()} says whether the browser itself failed (it
 * died, hung, or stopped answering) and must be killed and started again before the next page.
 */
public final class RenderException extends IOException {

  private final boolean browserBroken;

  public RenderException(String message, boolean browserBroken) {
    super(message);
    this.browserBroken = browserBroken;
  }

  public RenderException(String message, boolean browserBroken, Throwable cause) {
    super(message, cause);
    this.browserBroken = browserBroken;
  }

  public boolean browserBroken() {
    return browserBroken;
  }
}
