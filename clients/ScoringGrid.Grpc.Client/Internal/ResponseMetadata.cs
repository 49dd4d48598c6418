using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;

namespace ScoringGrid.Grpc.Client.Internal;

/// <summary>Reads gRPC values and custom metadata from HttpClient headers without header validation.</summary>
internal static class ResponseMetadata
{
    public static bool TryGetSingle(HttpHeaders headers, string name, [NotNullWhen(true)] out string? value)
    {
        if (headers.NonValidated.TryGetValues(name, out HeaderStringValues values))
        {
            foreach (string item in values)
            {
                value = item;
                return true;
            }
        }

        value = null;
        return false;
    }

    public static Metadata FromHeaders(HttpHeaders headers, bool includeStatus)
    {
        var metadata = new Metadata();
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            string name = header.Key;
            if (IsReserved(name) || (!includeStatus && IsStatus(name)))
            {
                continue;
            }

            foreach (string value in header.Value)
            {
                _ = metadata.TryAddWireValue(name, value);
            }
        }

        return metadata;
    }

    private static bool IsStatus(string name) =>
        name.Equals(GrpcProtocol.StatusHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcProtocol.MessageHeader, StringComparison.OrdinalIgnoreCase);

    private static bool IsReserved(string name) =>
        name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("date", StringComparison.OrdinalIgnoreCase)
        || name.Equals("server", StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcProtocol.EncodingHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcProtocol.AcceptEncodingHeader, StringComparison.OrdinalIgnoreCase);
}
