using Google.Protobuf;
using ScoringGrid.Client;
using ScoringGrid.V1;

namespace ScoringGrid.Load.Targets;

/// <summary>
/// Calls ScoringGrid's <c>Evaluate</c> through <see cref="ScoringClient"/>. Errors are counted by
/// grpc-status (<c>grpc UNAVAILABLE</c>, …), which an HTTP-level tool cannot see.
/// </summary>
public sealed class GrpcEvaluateTarget : ILoadTarget
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private readonly ScoringClient _client;
    private readonly Application _application;
    private readonly string _address;

    /// <summary>Creates a target that scores <paramref name="application"/> at <paramref name="address"/>.</summary>
    public GrpcEvaluateTarget(string address, Application application, string? apiKey = null)
    {
        _address = address ?? throw new ArgumentNullException(nameof(address));
        _application = application ?? throw new ArgumentNullException(nameof(application));
        _client = ScoringClient.Create(address, apiKey);
    }

    /// <inheritdoc />
    public string Description => $"gRPC {ScoringMethods.ServiceName}/Evaluate at {_address}";

    /// <summary>Reads an application from its JSON document (the examples/ format).</summary>
    public static Application ReadApplication(string path)
    {
        try
        {
            return Parser.Parse<Application>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new FormatException($"application: {path}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        await _client.EvaluateAsync(_application, deadline: null, cancellationToken).ConfigureAwait(false);
        return RequestOutcome.Success;
    }

    /// <inheritdoc />
    public string Classify(Exception exception) => ErrorKinds.FromException(exception);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
