using System.Collections.Concurrent;
using ScoringGrid.Grpc;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Server.Observability;

/// <summary>
/// The series of one API key: its calls by final status and its applications by outcome. Made once
/// per key and kept on the key's identity, so that recording a call is a field read and an
/// interlocked add; keys are configured, so the key label stays small.
/// </summary>
internal sealed class KeyUsage
{
    private readonly string _key;
    private readonly Counter _calls;

    // gRPC calls index by status code; REST calls, whose codes include names gRPC has not
    // (UNSUPPORTED_MEDIA_TYPE), look theirs up. Both find the same child for a shared name.
    private readonly CountersByStatus _byCode;
    private readonly ConcurrentDictionary<string, CounterChild> _byName = new(StringComparer.Ordinal);

    internal KeyUsage(string key, Counter calls, Counter applications)
    {
        _key = key;
        _calls = calls;
        _byCode = new CountersByStatus(calls, key);
        Scored = applications.WithLabels(key, "scored");
        Rejected = applications.WithLabels(key, "rejected");
    }

    /// <summary>Applications of this key that were scored.</summary>
    public CounterChild Scored { get; }

    /// <summary>Applications of this key answered with an error (validation, an unknown rule set, another province's).</summary>
    public CounterChild Rejected { get; }

    public void CallEnded(StatusCode code) => _byCode.For(code).Inc();

    public void CallEnded(string code) =>
        _byName.GetOrAdd(code, static (name, self) => self._calls.WithLabels(self._key, name), this).Inc();
}
