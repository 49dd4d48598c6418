namespace ScoringGrid.Collector.Internal;

// Platform ids go inside Redis hash tags and key names, so the alphabet is kept to characters
// that can never contain '{' or '}' (which would move the hash tag) or whitespace.
internal static class PlatformIds
{
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidLabelName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
