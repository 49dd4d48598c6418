using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Rest;

/// <summary>
/// <c>GET /v1/rulesets</c> and <c>GET /v1/rulesets/{rule_set}</c>: what ListRuleSets and GetRuleSet
/// answer over gRPC, so that a web portal can render a programme. A rule set changes only when its
/// file does, so each answer carries an entity tag from the rule sets' digests: a portal revalidates
/// with If-None-Match and gets 304 until a reload changes what it may see.
/// </summary>
internal static partial class RestEndpoints
{
    private const string RuleSetsPath = "/v1/rulesets";
    // Also the metrics' method label, so that a path a client invents does not become a series.
    private const string RuleSetPath = "/v1/rulesets/{rule_set}";

    private static async Task ListRuleSetsAsync(HttpContext http, ScoringOperations scoring, AccessControl access, RestCallObserver observer)
    {
        using var call = observer.Start(RuleSetsPath);
        if (await AuthorizeAsync(http, access, call, cost: 1) is not { } caller)
        {
            return;
        }

        var list = scoring.ListRuleSets(caller);
        await WriteRevalidatedAsync(http, call, TagOf(list), list);
    }

    private static async Task GetRuleSetAsync(
        [FromRoute(Name = "rule_set")] string ruleSet, HttpContext http, ScoringOperations scoring, AccessControl access, RestCallObserver observer)
    {
        using var call = observer.Start(RuleSetPath);
        if (await AuthorizeAsync(http, access, call, cost: 1) is not { } caller)
        {
            return;
        }

        if (scoring.GetRuleSet(ruleSet, caller, out var error) is not { } message)
        {
            await ErrorAsync(http, call, error!);
            return;
        }

        await WriteRevalidatedAsync(http, call, $"W/\"{message.Summary.Digest}\"", message);
    }

    /// <summary>
    /// The message with its entity tag, or 304 when If-None-Match holds that tag. Weak tags: the same
    /// rule set may be sent gzipped or not, and both bodies are the same representation to a portal.
    /// </summary>
    private static async Task WriteRevalidatedAsync(HttpContext http, RestCall call, string entityTag, IMessage message)
    {
        var headers = http.Response.Headers;
        headers.ETag = entityTag;
        // Stored only by the caller's own cache, and always revalidated: "id" names the newest version,
        // which a reload can change, and what a key may see depends on its tenant.
        headers.CacheControl = "private, no-cache";
        headers.Append(HeaderNames.Vary, HeaderNames.Authorization);
        if (IsNotModified(http.Request, entityTag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            call.Complete("OK");
            return;
        }

        await WriteAsync(http, StatusCodes.Status200OK, Formatter.Format(message));
        call.Complete("OK");
    }

    /// <summary>If-None-Match's weak comparison (RFC 9110 13.1.2): <c>*</c>, or any listed tag with the same opaque value.</summary>
    private static bool IsNotModified(HttpRequest request, string entityTag)
    {
        if (request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(entityTag);
        foreach (var tag in request.GetTypedHeaders().IfNoneMatch)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A tag for the list from the ids, versions and digests in it, the same on every replica and after a restart.</summary>
    private static string TagOf(V1.ListRuleSetsResponse list)
    {
        var text = new StringBuilder();
        foreach (var summary in list.RuleSets)
        {
            text.Append(summary.Id).Append('@').Append(summary.Version).Append('=').Append(summary.Digest).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }

    private static bool IsRuleSetPath(string path) =>
        path == RuleSetsPath
        || (path.StartsWith(RuleSetsPath + "/", StringComparison.Ordinal) && path.Length > RuleSetsPath.Length + 1
            && path.IndexOf('/', RuleSetsPath.Length + 1) < 0);
}
