namespace ScoringGrid.PlatformSimulator;

/// <summary>How the simulated platform behaves.</summary>
public enum SimulatorMode
{
    /// <summary>Steady figures; counters grow by a fixed amount per scrape.</summary>
    Honest = 0,

    /// <summary>Device count grows by <see cref="SimulatorOptions.GrowthPerScrape"/> each scrape.</summary>
    Growing,

    /// <summary>Exposes only <see cref="SimulatorOptions.LieRatio"/> of what an honest platform would (what it declares).</summary>
    Lying,

    /// <summary>Counters restart from zero every <see cref="SimulatorOptions.ResetEvery"/> scrapes.</summary>
    CounterReset,

    /// <summary>Alternates <see cref="SimulatorOptions.FlapEvery"/> answered scrapes with as many HTTP 503s.</summary>
    Flapping,

    /// <summary>Waits <see cref="SimulatorOptions.Delay"/> before answering.</summary>
    Slow,

    /// <summary>Answers 200 with a body that is not the exposition format.</summary>
    Garbage,

    /// <summary>Streams a valid but <see cref="SimulatorOptions.HugeBytes"/>-long body (no Content-Length).</summary>
    Huge,
}
