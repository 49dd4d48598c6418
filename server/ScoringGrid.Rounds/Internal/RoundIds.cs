namespace ScoringGrid.Rounds.Internal;

/// <summary>Checks ids at the edge so they are safe inside Redis keys.</summary>
internal static class RoundIds
{
    public static void Round(string? roundId)
    {
        if (string.IsNullOrEmpty(roundId))
        {
            throw RoundErrors.Required("round_id");
        }

        if (roundId.Length > 128)
        {
            throw RoundErrors.BadId("round_id", roundId);
        }

        foreach (var c in roundId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw RoundErrors.BadId("round_id", roundId);
            }
        }
    }

    public static void Other(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw RoundErrors.Required(field);
        }

        if (value.Length > 128)
        {
            throw RoundErrors.BadId(field, value);
        }

        foreach (var c in value)
        {
            if (c is ':' or '{' or '}' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw RoundErrors.BadId(field, value);
            }
        }
    }
}
