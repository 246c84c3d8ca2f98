package dev.newsvault.cli;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArticleRecord;
import dev.newsvault.archive.VersionRecord;
import dev.newsvault.check.UrlIdentity;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsvault show URL}: an article's metadata, cleaned text and hashes; with --screenshot, its picture. */
@Command(name = "show", description = "Show an archived article: metadata, cleaned text and hashes.")
public final class ShowCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;
  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  @Parameters(paramLabel = "URL", description = "The article's URL: as archived, its canonical URL, or another form of"
      + " either (http or https, www., tracking parameters, #fragment).")
  String url;

  @Option(names = "--version", paramLabel = "N", description = "Show version N instead of the current one.")
  Integer version;

  @Option(names = "--screenshot", paramLabel = "FILE", description = "Also write the version's screenshot (WebP or"
      + " JPEG, taken when the page was rendered in the browser) to FILE.")
  java.nio.file.Path screenshot;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = Terminal.safe(spec.commandLine().getOut()); // archived text came from the web
    try (Archive archive = Archive.openReadOnly(config.settings().database())) {
      var found = UrlIdentity.find(archive, url);
      if (found.isEmpty()) {
        spec.commandLine().getErr().println("newsvault: " + url + " is not in the archive " + archive.file()
            + "; './newsvault stats' lists the sites it holds");
        return ExitCodes.PARTIAL;
      }
      ArticleRecord a = found.get();
      List<VersionRecord> versions = archive.reader().versions(a.id());
      int want = version == null ? a.currentVersion() : version;
      VersionRecord v = versions.stream().filter(x -> x.version() == want).findFirst().orElse(null);
      if (v == null) {
        spec.commandLine().getErr().println("newsvault: " + a.url() + " has versions 1 to " + versions.size()
            + ", not " + want);
        return ExitCodes.USAGE;
      }
      if (screenshot != null) {
        var shot = new dev.newsvault.archive.RenderQueries(archive).screenshot(a.id(), v.version());
        if (shot.isEmpty()) {
          spec.commandLine().getErr().println("newsvault: version " + v.version() + " of " + a.url() + " has no"
              + " screenshot; pages rendered in the browser (render=browser, render.hosts) get one, and plain pages"
              + " with screenshots=true (see docs/rendering.md)");
          return ExitCodes.PARTIAL;
        }
        java.nio.file.Files.write(screenshot, shot.get().image());
        spec.commandLine().getErr().printf("newsvault: wrote the screenshot of version %d (%s, %dx%d%s) to %s%n",
            v.version(), shot.get().mediaType(), shot.get().width(), shot.get().height(),
            shot.get().cut() ? ", the top of a taller page" : "", screenshot);
      }
      out.printf("URL:          %s%n", a.url());
      field(out, "Canonical:", v.canonicalUrl());
      field(out, "Title:", v.title());
      field(out, "Authors:", v.authors().isEmpty() ? null : String.join(", ", v.authors()));
      field(out, "Published:", withSource(v.published(), v.dateSource()));
      field(out, "Modified:", withSource(v.modified(), v.modifiedSource()));
      field(out, "Site:", v.siteName());
      field(out, "Language:", v.language());
      field(out, "Description:", v.description());
      field(out, "Tags:", v.tags().isEmpty() ? null : String.join(", ", v.tags()));
      field(out, "Image:", v.imageUrl());
      var listed = new dev.newsvault.archive.FeedQueries(archive).entry(a.url());
      if (listed.isPresent()) {
        var e = listed.get();
        out.printf("Listed in:    %s %s%s%s%s%n", e.sourceKind(), e.sourceUrl(),
            e.published() == null ? "" : ", published " + Format.time(e.published()),
            e.author() == null ? "" : ", by " + e.author(), e.title() == null ? "" : ", \"" + e.title() + "\"");
      }
      out.printf("State:        %s; first seen %s, last seen %s%s%n", a.state(), Format.time(a.firstSeen()),
          Format.time(a.lastSeen()), a.lastChecked() == null ? "" : ", last checked " + Format.time(a.lastChecked()));
      out.printf("Version:      %d of %d, fetched %s, %,d words%n", v.version(), versions.size(), Format.time(v.fetchedAt()),
          v.wordCount());
      out.printf("Text hash:    %s%n", v.textHash());
      out.printf("Meta hash:    %s%n", v.metaHash());
      field(out, "Raw page:", v.rawSha256());
      // the same hash as export's payload_digest and a WARC's WARC-Payload-Digest write it (base32), to match by eye
      field(out, "  as WARC:", dev.newsvault.export.ArticleFields.payloadDigest(v.rawSha256()));
      field(out, "ETag:", v.etag());
      field(out, "Last-Mod.:", v.lastModified());
      out.println();
      out.println(v.text());
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** "2024-03-31 (from json-ld)": a date and where the page stated it, when that is known. */
  private static String withSource(String date, String source) {
    return date == null || source == null ? date : date + " (from " + source + ")";
  }

  private static void field(PrintWriter out, String label, String value) {
    if (value != null && !value.isBlank()) {
      out.printf("%-13s %s%n", label, value);
    }
  }
}
