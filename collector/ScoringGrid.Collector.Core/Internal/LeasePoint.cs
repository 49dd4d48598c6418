namespace ScoringGrid.Collector.Internal;

// The moments in each slot at which a collector acts on a target's lease (see LeaseTiming).
internal enum LeasePoint
{
    Early,
    Late,
    Handover,
}
