package dev.newsvault.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One served file as it stands now: its bytes and the validators a conditional request is judged by. */
record SiteResource(byte[] body, String contentType, String etag, Instant lastModified) {

    static SiteResource of(byte[] body, String contentType, Instant lastModified) {
        return new SiteResource(body, contentType, etagOf(body), lastModified);
    }

    boolean isHtml() {
        return contentType.startsWith("text/html");
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A new version of this file; Last-Modified moves forward by at least a second so HTTP dates can tell them apart. */
    SiteResource withBody(byte[] newBody, Instant now) {
        Instant next = now.isAfter(lastModified.plusSeconds(1)) ? now : lastModified.plusSeconds(1);
        return of(newBody, contentType, next);
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 10) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
