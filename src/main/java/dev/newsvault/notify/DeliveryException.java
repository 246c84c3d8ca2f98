package dev.newsvault.notify;

import java.io.IOException;

/** A channel did not take a message: the receiver's answer, a timeout, a refused connection, an SMTP error. */
public final class DeliveryException extends IOException {

  public DeliveryException(String message) {
    super(message);
  }

  public DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
