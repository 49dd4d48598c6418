using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Rounds;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;

namespace ScoringGrid.Server.Rounds;

/// <summary>Rounds, submissions, evaluations, audit records and bans as <c>scoringgrid.v1</c> messages.</summary>
internal static class RoundsMapping
{
    private const string DateFormat = "yyyy-MM-dd";

    public static V1.Round ToMessage(Round r) => new()
    {
        Id = r.Id,
        RuleSet = r.RuleSet,
        Tenant = r.Tenant,
        Title = r.Title,
        State = ToMessage(r.State),
        CreatedAt = Timestamp.FromDateTimeOffset(r.CreatedAt),
        CreatedBy = r.CreatedBy,
    };

    public static V1.RoundState ToMessage(RoundState state) => state switch
    {
        RoundState.Open => V1.RoundState.Open,
        RoundState.Closed => V1.RoundState.Closed,
        _ => V1.RoundState.Published,
    };

    /// <summary>Only the states a round can move to; null for the others.</summary>
    public static RoundState? ToTarget(V1.RoundState state) => state switch
    {
        V1.RoundState.Closed => RoundState.Closed,
        V1.RoundState.Published => RoundState.Published,
        _ => null,
    };

    public static ApplicantProfile? ToCore(V1.ApplicantProfile? p) => p is null
        ? null
        : new ApplicantProfile
        {
            District = p.District,
            MainBusiness = p.MainBusiness,
            SalesRevenueWan = p.HasSalesRevenueWan ? p.SalesRevenueWan : null,
            ProfitWan = p.HasProfitWan ? p.ProfitWan : null,
            ItLead = p.ItLead,
            Phone = p.Phone,
        };

    public static V1.SubmissionReceipt ToMessage(SubmissionReceipt r) => new()
    {
        RoundId = r.RoundId,
        ApplicationId = r.ApplicationId,
        Revision = r.Revision,
        Replaced = r.Replaced,
        Unchanged = r.Unchanged,
        InputSha256 = r.InputSha256,
        SubmittedAt = Timestamp.FromDateTimeOffset(r.SubmittedAt),
        AuditSequence = r.AuditSequence,
    };

    public static V1.GetSubmissionHistoryResponse ToMessage(IReadOnlyList<SubmissionRevision> history)
    {
        var response = new V1.GetSubmissionHistoryResponse();
        foreach (var r in history)
        {
            response.Revisions.Add(new V1.SubmissionRevision
            {
                Revision = r.Revision,
                SubmittedAt = Timestamp.FromDateTimeOffset(r.SubmittedAt),
                KeyId = r.KeyId,
                Sha256 = r.Sha256,
                Json = r.Json,
            });
        }

        return response;
    }

    public static V1.RoundEvaluation ToMessage(ApplicationEvaluation e) => new()
    {
        RoundId = e.RoundId,
        ApplicationId = e.ApplicationId,
        Result = ResultMapping.ToMessage(e.Result),
        AuditSequence = e.AuditSequence,
    };

    public static V1.GetAuditTrailResponse ToMessage(IReadOnlyList<AuditRecord> records)
    {
        var response = new V1.GetAuditTrailResponse();
        foreach (var r in records)
        {
            response.Records.Add(ToMessage(r));
        }

        return response;
    }

    public static V1.AuditRecord ToMessage(AuditRecord r)
    {
        var m = new V1.AuditRecord
        {
            RoundId = r.RoundId,
            Sequence = r.Sequence,
            ApplicationId = r.ApplicationId,
            Kind = r.Kind,
            KeyId = r.KeyId,
            At = Timestamp.FromDateTimeOffset(r.At),
            RuleSet = r.RuleSet,
            RuleSetDigest = r.RuleSetDigest,
            InputSha256 = r.InputSha256,
            Input = r.Input,
            ResultJson = r.ResultJson,
            Ban = r.Ban is { } ban ? ToMessage(ban) : null,
            Detail = r.Detail,
        };
        if (r.Revision is { } revision)
        {
            m.Revision = revision;
        }

        return m;
    }

    public static V1.RederiveAuditResponse ToMessage(Rederivation d) => new()
    {
        Record = ToMessage(d.Record),
        ResultJson = d.ResultJson,
        InputIntact = d.InputIntact,
        Equal = d.Equal,
    };

    public static V1.Disqualification ToMessage(Disqualification d) => new()
    {
        CreditCode = d.CreditCode,
        Reason = d.Reason,
        Since = d.Since.ToString(DateFormat, CultureInfo.InvariantCulture),
        Until = d.Until.ToString(DateFormat, CultureInfo.InvariantCulture),
    };

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
