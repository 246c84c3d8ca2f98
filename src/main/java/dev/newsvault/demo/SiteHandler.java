package dev.newsvault.demo;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Serves {@link SiteContent} like a static web server: GET and HEAD, validators, 304, 301 and 404. */
final class SiteHandler implements HttpHandler {
    private static final byte[] NOT_FOUND = ("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            + "<title>Page not found – The Harbour Gazette</title></head><body><h1>Page not found</h1>"
            + "<p>Sorry, we couldn’t find that page. <a href=\"/\">Go to the front page</a>.</p></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);

    private final SiteContent content;

    SiteHandler(SiteContent content) {
        this.content = content;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path == null || path.contains("..") || path.startsWith("/_meta/")) {
                sendNotFound(exchange, head);
                return;
            }
            SiteResource resource = content.get(path.endsWith("/") ? path + "index.html" : path);
            if (resource == null && !path.endsWith("/") && content.get(path + "/index.html") != null) {
                exchange.getResponseHeaders().set("Location", path + "/");
                exchange.sendResponseHeaders(301, -1);
                return;
            }
            if (resource == null) {
                sendNotFound(exchange, head);
                return;
            }
            Headers headers = exchange.getResponseHeaders();
            headers.set("ETag", resource.etag());
            headers.set("Last-Modified", httpDate(resource.lastModified()));
            headers.set("Cache-Control", "no-cache");
            if (notModified(exchange.getRequestHeaders(), resource)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            headers.set("Content-Type", resource.contentType());
            send(exchange, 200, resource.body(), head);
        }
    }

    /** RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since counts only when it is absent. */
    static boolean notModified(Headers request, SiteResource resource) {
        String inm = request.getFirst("If-None-Match");
        if (inm != null) {
            for (String tag : inm.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || t.equals(resource.etag())) {
                    return true;
                }
            }
            return false;
        }
        String ims = request.getFirst("If-Modified-Since");
        if (ims == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ims.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !resource.lastModified().isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as the RFC asks
        }
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    private static void sendNotFound(HttpExchange exchange, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(exchange, 404, NOT_FOUND, head);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
