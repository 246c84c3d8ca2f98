package dev.newsvault.extract;

import java.nio.charset.Charset;

/**
 * HTML text decoded from bytes, with the charset used and where it came from: {@code "bom"},
 * {@code "header"}, {@code "meta"}, {@code "detected"} or {@code "default"}.
 */
public record DecodedPage(String html, Charset charset, String charsetSource) {}
