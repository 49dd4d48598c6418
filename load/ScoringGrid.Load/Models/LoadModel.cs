namespace ScoringGrid.Load.Models;

/// <summary>How requests are started: an open model (arrival rate, independent of the server) or a closed one (fixed concurrency).</summary>
public abstract record LoadModel
{
    private protected LoadModel()
    {
    }

    /// <summary>How long the measured part of the run lasts (warm-up excluded).</summary>
    public abstract TimeSpan Duration { get; }

    /// <summary>A one-line description for reports, e.g. <c>constant arrival rate 100/s for 00:00:03</c>.</summary>
    public abstract string Describe();

    /// <summary>The arrival schedule of an open model; <see langword="null"/> for a closed model.</summary>
    internal abstract ArrivalSchedule? CreateSchedule();

    /// <summary>The rate used for the warm-up of an open model.</summary>
    internal virtual double WarmupRate => 0;
}
