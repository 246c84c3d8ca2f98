package dev.newsvault.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The site's files, held in memory. Reads are lock-free; each change swaps in a whole new
 * {@link SiteResource}, so a request sees either the old page or the new one, never half of each.
 */
final class SiteContent {
    static final String ROOT = "demo-site";
    /** Absolute URLs (canonical links, feed, sitemaps) are written with this placeholder for the base URL. */
    static final String BASE_PLACEHOLDER = "{{BASE}}";
    private static final String META_DIR = "/_meta/";

    private final Map<String, SiteResource> files = new ConcurrentHashMap<>();
    private final Map<String, ArticleEdit> edits;

    private SiteContent(Map<String, SiteResource> files, Map<String, ArticleEdit> edits) {
        this.files.putAll(files);
        this.edits = edits;
    }

    /** Loads every file under the {@code demo-site} resource folder, from a directory or from the jar. */
    static SiteContent load(String baseUrl) {
        Instant loadedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, byte[]> raw = readAll();
        Map<String, SiteResource> files = new LinkedHashMap<>();
        Map<String, ArticleEdit> edits = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : raw.entrySet()) {
            String path = e.getKey();
            if (path.equals(META_DIR + "edits.tsv")) {
                new String(e.getValue(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .map(ArticleEdit::parse)
                        .forEach(edit -> edits.put(edit.path(), edit));
                continue;
            }
            if (path.startsWith(META_DIR)) {
                continue;
            }
            String type = ContentTypes.of(path);
            byte[] body = e.getValue();
            if (ContentTypes.isText(type)) {
                body = new String(body, StandardCharsets.UTF_8).replace(BASE_PLACEHOLDER, baseUrl)
                        .getBytes(StandardCharsets.UTF_8);
            }
            files.put(path, SiteResource.of(body, type, loadedAt));
        }
        for (String article : edits.keySet()) {
            if (!files.containsKey(article)) {
                throw new IllegalStateException("demo-site/_meta/edits.tsv names " + article
                        + ", which is not a file under demo-site/; regenerate the site or fix the entry");
            }
        }
        return new SiteContent(files, edits);
    }

    SiteResource get(String path) {
        return files.get(path);
    }

    void put(String path, SiteResource resource) {
        files.put(path, resource);
    }

    Set<String> paths() {
        return new TreeSet<>(files.keySet());
    }

    /** The article pages, newest first (the order of the edits file). */
    List<String> articlePaths() {
        return new ArrayList<>(edits.keySet());
    }

    ArticleEdit edit(String path) {
        return edits.get(path);
    }

    private static Map<String, byte[]> readAll() {
        URL marker = SiteContent.class.getResource("/" + ROOT + "/robots.txt");
        if (marker == null) {
            throw new IllegalStateException("The demo site is missing from the classpath (no " + ROOT
                    + "/robots.txt); rebuild newsvault with 'mvn package'");
        }
        try {
            URI uri = marker.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return readTree(Path.of(uri).getParent());
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return readTree(jar.getPath("/" + ROOT));
            } catch (FileSystemAlreadyExistsException e) {
                return readTree(FileSystems.getFileSystem(uri).getPath("/" + ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo site from " + marker, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unusable resource location " + marker, e);
        }
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                StringBuilder rel = new StringBuilder();
                for (Path part : root.relativize(file)) {
                    rel.append('/').append(part.toString().replace("/", ""));
                }
                out.put(rel.toString(), Files.readAllBytes(file));
            }
        }
        return out;
    }
}
