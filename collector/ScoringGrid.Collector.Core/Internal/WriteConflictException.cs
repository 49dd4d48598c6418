namespace ScoringGrid.Collector.Internal;

// Redis kept changing under a write (another writer of the platform): the batch stays buffered.
internal sealed class WriteConflictException(string platformId)
    : Exception($"Redis data of platform {platformId} kept changing under the write (another writer?); the scrape stays buffered");
