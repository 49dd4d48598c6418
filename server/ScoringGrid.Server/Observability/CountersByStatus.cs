using ScoringGrid.Grpc;
using ScoringGrid.Prometheus;
using ScoringGrid.Server.Grpc;

namespace ScoringGrid.Server.Observability;

/// <summary>
/// The children of a counter labelled (<c>subject</c>, <c>code</c>) for one subject (a gRPC method, an
/// API key), indexed by status code, so that counting a call is an array read instead of hashing the
/// subject and the code. A child is made on its code's first call: a subject sees only a few codes.
/// </summary>
internal sealed class CountersByStatus(Counter counter, string subject)
{
    private readonly CounterChild?[] _byCode = new CounterChild?[StatusCodeNames.Count];

    /// <summary>The child for <paramref name="code"/>; a code outside 0-16 counts as UNKNOWN.</summary>
    public CounterChild For(StatusCode code)
    {
        var index = (uint)code < (uint)_byCode.Length ? (int)code : (int)StatusCode.Unknown;
        return _byCode[index] ??= counter.WithLabels(subject, StatusCodeNames.Of((StatusCode)index));
    }
}
