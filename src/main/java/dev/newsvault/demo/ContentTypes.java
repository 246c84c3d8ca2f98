package dev.newsvault.demo;

import java.util.Map;

/** Content-Type by file name, the way a static web server decides it. */
final class ContentTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "html", "text/html; charset=utf-8",
            "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "pdf", "application/pdf");

    private ContentTypes() {
    }

    static String of(String path) {
        if (path.equals("/feed.xml")) {
            return "application/rss+xml; charset=utf-8";
        }
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }

    static boolean isText(String contentType) {
        return contentType.startsWith("text/") || contentType.contains("xml");
    }
}
