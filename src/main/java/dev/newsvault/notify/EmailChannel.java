package dev.newsvault.notify;

import dev.newsvault.config.ConfigException;
import dev.newsvault.fetch.InternalAddresses;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Properties;
import java.util.Set;

/**
 * Sends a notice as an e-mail over SMTP with Jakarta Mail (Eclipse Angus): STARTTLS (the default, required,
 * port 587), TLS from the first byte ({@code smtp.security=tls}, port 465) or none (a local relay), with
 * authentication when {@code smtp.user} is set. Subject: the kind of change and the headline; a plain-text
 * and an HTML part with the word diff. The idempotency key is the Message-ID, so a repeat is recognisable.
 */
final class EmailChannel implements Channel {

  static final Set<String> KEYS = Set.of("smtp.host", "smtp.port", "smtp.security", "smtp.user", "password.env",
      "password.file", "from", "to");

  private final ChannelSettings settings;
  private final String host;
  private final Session session;
  private final InternetAddress from;
  private final InternetAddress[] to;

  EmailChannel(ChannelSettings s, Secret password) {
    s.onlyKeys(KEYS);
    this.settings = s;
    this.host = s.required("smtp.host");
    String security = s.keys().getOrDefault("smtp.security", "starttls").strip();
    int port = s.integer("smtp.port", security.equals("tls") ? 465 : 587, 1, 65535);
    String user = s.keys().get("smtp.user");
    if (user != null && password == null) {
      throw new ConfigException("channel '" + s.name() + "' has smtp.user but no password: notify." + s.name()
          + ".password.env=VAR or notify." + s.name() + ".password.file=PATH");
    }
    try {
      this.from = new InternetAddress(s.required("from"), true);
      this.to = InternetAddress.parse(s.required("to"), true);
    } catch (AddressException e) {
      throw new ConfigException("channel '" + s.name() + "': notify." + s.name() + ".from or .to is not an e-mail"
          + " address (" + e.getMessage() + ")");
    }
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", String.valueOf(port));
    p.put("mail.smtp.connectiontimeout", String.valueOf(s.timeoutMs()));
    p.put("mail.smtp.timeout", String.valueOf(s.timeoutMs()));
    p.put("mail.smtp.writetimeout", String.valueOf(s.timeoutMs()));
    switch (security) {
      case "starttls" -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
      case "tls" -> p.put("mail.smtp.ssl.enable", "true");
      case "none" -> { }
      default -> throw new ConfigException("config key 'notify." + s.name() + ".smtp.security' has value '"
          + security + "'; it accepts starttls, tls or none");
    }
    if (security.equals("starttls") || security.equals("tls")) {
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    Authenticator auth = null;
    if (user != null) {
      p.put("mail.smtp.auth", "true");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(user.strip(), password.value());
        }
      };
    }
    this.session = Session.getInstance(p, auth);
  }

  @Override
  public ChannelSettings settings() {
    return settings;
  }

  @Override
  public void send(Message m) throws DeliveryException {
    guard();
    try {
      MimeMessage mail = new MimeMessage(session) {
        @Override
        protected void updateMessageID() throws MessagingException {
          setHeader("Message-ID", "<" + m.key() + "@newsvault>");
        }
      };
      mail.setFrom(from);
      mail.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
      mail.setSubject(NoticeText.subject(m), "UTF-8");
      mail.setHeader("X-Newsvault-Key", m.key());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(NoticeText.body(m), "UTF-8", "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(NoticeHtml.body(m), "UTF-8", "html");
      mail.setContent(new MimeMultipart("alternative", text, html));
      Transport.send(mail);
    } catch (MessagingException e) {
      throw new DeliveryException(settings.name() + ": SMTP server " + host + " did not take the message: "
          + e.getMessage(), e);
    }
  }

  /** A private or loopback SMTP server only when the channel allows it, as for every other target. */
  private void guard() throws DeliveryException {
    if (settings.allowPrivate()) {
      return;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        String kind = InternalAddresses.kind(a);
        if (kind != null) {
          throw new DeliveryException(settings.name() + ": SMTP server " + host + " is at " + kind + " address "
              + a.getHostAddress() + "; set notify." + settings.name() + ".allow-private=true if that is intended");
        }
      }
    } catch (UnknownHostException e) {
      throw new DeliveryException(settings.name() + ": SMTP server " + host + " is unknown (DNS)", e);
    }
  }

  @Override
  public String toString() {
    return "email " + settings.name() + " -> " + host;
  }
}
