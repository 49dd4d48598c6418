namespace ScoringGrid.Collector.Internal;

// What a lease operation changed for this collector; the scheduler resets the target's scrape
// state on either transition, since another collector may have scraped it in between.
internal enum LeaseChange
{
    None,
    Acquired,
    Lost,
}
