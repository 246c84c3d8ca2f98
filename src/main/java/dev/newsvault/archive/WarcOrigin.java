package dev.newsvault.archive;

import java.time.Instant;

/**
 * Where an imported capture came from: enough to find the original WARC record again.
 *
 * @param recordId the WARC-Record-ID as written, e.g. {@code <urn:uuid:…>}
 * @param file the WARC file's name as given to import
 * @param offset the byte offset of the record in that file (of its gzip member when compressed)
 * @param recordType response or revisit
 * @param payloadDigest the WARC-Payload-Digest as written, or null
 */
public record WarcOrigin(String recordId, String file, long offset, String recordType, String url, Instant date,
    String payloadDigest) {}
