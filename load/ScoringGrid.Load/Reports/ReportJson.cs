using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScoringGrid.Load.Reports;

/// <summary>The JSON form of reports: snake_case names, ISO times, latencies in ms.</summary>
public static class ReportJson
{
    /// <summary>The serializer settings every report uses.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises a report object (a <see cref="LoadResult"/> or a capacity result).</summary>
    public static string Write<T>(T report) => JsonSerializer.Serialize(report, Options);

    /// <summary>The same without indentation, for evidence stored in Redis.</summary>
    public static string WriteCompact<T>(T report) => JsonSerializer.Serialize(report, new JsonSerializerOptions(Options) { WriteIndented = false });
}
