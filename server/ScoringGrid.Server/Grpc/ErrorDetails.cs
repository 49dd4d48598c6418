using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Grpc;

namespace ScoringGrid.Server.Grpc;

/// <summary>
/// gRPC's rich error model: a <c>google.rpc.Status</c> in the <c>grpc-status-details-bin</c> trailer,
/// repeating the status and adding typed details a client can act on without parsing the message:
/// the wrong field of an INVALID_ARGUMENT (<c>google.rpc.BadRequest</c>), the wait of a rate-limit
/// refusal (<c>google.rpc.RetryInfo</c>).
/// </summary>
internal static class ErrorDetails
{
    /// <summary>The trailers for an error naming <paramref name="field"/>; null when there is nothing to add.</summary>
    public static Metadata? ForField(Status status, string field)
    {
        if (status.StatusCode != StatusCode.InvalidArgument || field.Length == 0)
        {
            return null;
        }

        var violation = new Google.Rpc.BadRequest.Types.FieldViolation { Field = field, Description = status.Detail };
        return new Metadata().Add(GrpcProtocol.StatusDetailsTrailer, Serialize(status, Any.Pack(new Google.Rpc.BadRequest { FieldViolations = { violation } })));
    }

    /// <summary>Adds the wait of a refusal that a retry after <paramref name="delay"/> will pass.</summary>
    public static void AddRetryInfo(Metadata trailers, Status status, TimeSpan delay) =>
        trailers.Add(GrpcProtocol.StatusDetailsTrailer, Serialize(status, Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) })));

    private static byte[] Serialize(Status status, Any detail) =>
        new Google.Rpc.Status { Code = (int)status.StatusCode, Message = status.Detail, Details = { detail } }.ToByteArray();
}
