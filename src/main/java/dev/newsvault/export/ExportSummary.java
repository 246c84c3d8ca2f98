package dev.newsvault.export;

/**
 * What an export run wrote.
 *
 * @param written records written (articles, one per version)
 * @param exactDuplicates versions skipped because an earlier one had the same text
 * @param nearDuplicates versions found near-duplicate of an earlier one (dropped or marked)
 * @param skippedByCheckpoint versions left out because an earlier export under the checkpoint had them
 * @param dedupMillis time of the de-duplication pass
 * @param totalMillis time of the whole export
 * @param target where it went
 */
public record ExportSummary(
    long written,
    long exactDuplicates,
    long nearDuplicates,
    long skippedByCheckpoint,
    long dedupMillis,
    long totalMillis,
    String target) {}
