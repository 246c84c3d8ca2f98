package dev.newsvault.notify;

import static dev.newsvault.notify.NotifyFixture.STORY;
import static dev.newsvault.notify.NotifyFixture.store;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.newsvault.archive.Archive;
import dev.newsvault.archive.NoticeQueries;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The e-mail channel against GreenMail, a real SMTP server in the test's process on 127.0.0.1. */
class EmailChannelTest {

  @TempDir Path dir;
  GreenMail smtp;
  OkHttpClient client = new OkHttpClient();
  NotifyFixture.TestClock clock = new NotifyFixture.TestClock(Instant.parse("2026-03-01T10:00:00Z"));

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    smtp.setUser("desk@news.example", "desk", "mail-password");
  }

  @AfterEach
  void stop() {
    smtp.stop();
    client.dispatcher().executorService().shutdown();
  }

  private NotifyConfig config(String password) {
    Map<String, String> keys = new HashMap<>(Map.of("notify.mail.type", "email",
        "notify.mail.smtp.host", "127.0.0.1", "notify.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
        "notify.mail.smtp.security", "none", "notify.mail.smtp.user", "desk",
        "notify.mail.password.env", "MAIL_PASSWORD", "notify.mail.from", "newsvault@news.example",
        "notify.mail.to", "desk@news.example", "notify.mail.allow-private", "true"));
    return NotifyConfig.from(NotifyFixture.settings(dir, keys), client,
        v -> v.equals("MAIL_PASSWORD") ? password : null, clock);
  }

  @Test
  void aChangeArrivesAsMailWithKindAndHeadlineInTheSubjectAndTheDiffInBothParts() throws Exception {
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = new NoticeWorker(a, config("mail-password"), dir.resolve("seeds"), clock)) {
      store(a, "http://news.test/harbour", "Harbour plan debated", STORY);
      store(a, "http://news.test/harbour", "Harbour plan debated", STORY.replace("three hours", "four hours"));
      assertThat(w.pass().sent()).isEqualTo(1);
    }
    MimeMessage[] got = smtp.getReceivedMessages();
    assertThat(got).hasSize(1);
    MimeMessage m = got[0];
    assertThat(m.getSubject()).isEqualTo("wording: Harbour plan debated");
    assertThat(m.getMessageID()).matches("<nv-\\d+-mail@newsvault>");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(text).contains("[-three-]{+four+}").contains("http://news.test/harbour")
        .contains("version 1 → 2");
    assertThat(html).contains("<del style=\"color:#b00\">three</del><ins style=\"color:#070\">four</ins>");
  }

  @Test
  void aWrongPasswordIsAnSmtpErrorThatIsRetriedAndNeverShowsThePassword() throws Exception {
    try (Archive a = Archive.open(dir.resolve("news.db"));
        NoticeWorker w = new NoticeWorker(a, config("wrong-password"), dir.resolve("seeds"), clock)) {
      store(a, "http://news.test/a", "A", STORY);
      store(a, "http://news.test/a", "A", STORY.replace("Monday", "Tuesday"));
      assertThat(w.pass().retrying()).isEqualTo(1);
      String error = new NoticeQueries(a).inState("queued", 1).get(0).lastError();
      assertThat(error).contains("SMTP server 127.0.0.1 did not take the message").doesNotContain("wrong-password");
    }
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }
}
