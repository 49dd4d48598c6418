namespace ScoringGrid.Scoring;

/// <summary>
/// Applicants disqualified for fraud (by credit code). Gates such as Hebei's <c>gate.not_banned</c>
/// read it; the durable registry lives outside the core.
/// </summary>
public interface IDisqualificationRegistry
{
    /// <summary>The ban in force for <paramref name="creditCode"/> on <paramref name="asOf"/>, if any.</summary>
    Disqualification? Find(string creditCode, DateOnly asOf);
}

/// <summary>A fraud finding against an applicant.</summary>
/// <param name="CreditCode">The applicant's unified social credit code.</param>
/// <param name="Reason">Why it was disqualified.</param>
/// <param name="Since">The date of the finding.</param>
/// <param name="Until">The last day the ban is in force.</param>
public sealed record Disqualification(string CreditCode, string Reason, DateOnly Since, DateOnly Until);

/// <summary>An in-memory registry; bans run for three years from their date unless stated otherwise.</summary>
public sealed class DisqualificationRegistry : IDisqualificationRegistry
{
    private readonly Dictionary<string, Disqualification> _bans = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>A registry with no bans.</summary>
    public static IDisqualificationRegistry Empty { get; } = new DisqualificationRegistry();

    /// <summary>Records a ban from <paramref name="since"/> for three years.</summary>
    public Disqualification Ban(string creditCode, string reason, DateOnly since)
    {
        // Until the day before the third anniversary; a ban from 29 February has its anniversary on 1 March.
        var until = since is { Month: 2, Day: 29 } ? since.AddYears(3) : since.AddYears(3).AddDays(-1);
        var ban = new Disqualification(creditCode, reason, since, until);
        lock (_gate)
        {
            _bans[creditCode] = ban;
        }

        return ban;
    }

    /// <inheritdoc />
    public Disqualification? Find(string creditCode, DateOnly asOf)
    {
        if (creditCode.Length == 0)
        {
            return null;
        }

        lock (_gate)
        {
            return _bans.TryGetValue(creditCode, out var ban) && asOf >= ban.Since && asOf <= ban.Until ? ban : null;
        }
    }
}
