namespace ScoringGrid.Scoring.Internal.Json;

/// <summary>A document that is JSON but not an application; carries the field path.</summary>
internal sealed class ApplicationJsonException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
