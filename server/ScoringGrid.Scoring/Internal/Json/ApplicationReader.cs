using System.Globalization;
using System.Text.Json;

namespace ScoringGrid.Scoring.Internal.Json;

/// <summary>A forward-only reader for the application document; no reflection, no DOM.</summary>
internal static class ApplicationReader
{
    public static Application Read(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "", "the application must be a JSON object");
        var app = new Application();
        while (NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "id": app.Id = ReadString(ref reader, "id"); break;
                case "ruleset": case "ruleSet": case "rule_set": app.RuleSet = ReadString(ref reader, "ruleset"); break;
                case "applicant": ReadApplicant(ref reader, app.Applicant); break;
                case "deployment": app.Deployment = ReadString(ref reader, "deployment"); break;
                case "items": ReadItems(ref reader, app.Items); break;
                case "figures": ReadFigures(ref reader, app.Figures); break;
                case "flags": ReadFlags(ref reader, app.Flags); break;
                case "dates": ReadDates(ref reader, app.Dates); break;
                case "expert_scores": case "expertScores": ReadExperts(ref reader, app.ExpertScores); break;
                case "platform_id": case "platformId": app.PlatformId = ReadString(ref reader, "platform_id"); break;
                case "verify": app.Verify = ReadBool(ref reader, "verify"); break;
                default: throw new ApplicationJsonException(name, $"unknown field '{name}' in the application");
            }
        }

        return app;
    }

    private static void ReadApplicant(ref Utf8JsonReader reader, Applicant applicant)
    {
        Expect(ref reader, JsonTokenType.StartObject, "applicant", "applicant must be an object");
        while (NextProperty(ref reader, out var name))
        {
            var field = "applicant." + name;
            switch (name)
            {
                case "name": applicant.Name = ReadString(ref reader, field); break;
                case "credit_code": case "creditCode": applicant.CreditCode = ReadString(ref reader, field); break;
                case "province": applicant.Province = ReadString(ref reader, field); break;
                case "city": applicant.City = ReadString(ref reader, field); break;
                case "industry": applicant.Industry = ReadString(ref reader, field); break;
                case "provider": applicant.Provider = ReadString(ref reader, field); break;
                default: throw new ApplicationJsonException(field, $"unknown field '{field}'");
            }
        }
    }

    private static void ReadItems(ref Utf8JsonReader reader, List<string> items)
    {
        Expect(ref reader, JsonTokenType.StartArray, "items", "items must be an array of item ids");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new ApplicationJsonException($"items[{items.Count}]", $"items[{items.Count}] must be a string"));
        }
    }

    private static void ReadFigures(ref Utf8JsonReader reader, Dictionary<string, double> figures)
    {
        Expect(ref reader, JsonTokenType.StartObject, "figures", "figures must be an object of numbers");
        while (NextProperty(ref reader, out var name))
        {
            figures[name] = ReadNumber(ref reader, "figures." + name);
        }
    }

    private static void ReadFlags(ref Utf8JsonReader reader, Dictionary<string, bool> flags)
    {
        Expect(ref reader, JsonTokenType.StartObject, "flags", "flags must be an object of true/false");
        while (NextProperty(ref reader, out var name))
        {
            flags[name] = ReadBool(ref reader, "flags." + name);
        }
    }

    private static void ReadDates(ref Utf8JsonReader reader, Dictionary<string, string> dates)
    {
        Expect(ref reader, JsonTokenType.StartObject, "dates", "dates must be an object of YYYY-MM-DD strings");
        while (NextProperty(ref reader, out var name))
        {
            dates[name] = ReadString(ref reader, "dates." + name);
        }
    }

    private static void ReadExperts(ref Utf8JsonReader reader, Dictionary<string, double[]> experts)
    {
        Expect(ref reader, JsonTokenType.StartObject, "expert_scores", "expert_scores must be an object");
        while (NextProperty(ref reader, out var name))
        {
            var field = "expert_scores." + name;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                experts[name] = [Number(ref reader, field)];
                continue;
            }

            var scores = new List<double>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                scores.Add(Number(ref reader, $"{field}[{scores.Count}]"));
            }

            experts[name] = [.. scores];
        }
    }

    private static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = "";
            return false;
        }

        name = reader.GetString()!;
        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string field, string message)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new ApplicationJsonException(field, message);
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Null => "",
            _ => throw new ApplicationJsonException(field, $"{field} must be a string"),
        };
    }

    private static bool ReadBool(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new ApplicationJsonException(field, $"{field} must be true or false"),
        };
    }

    private static double ReadNumber(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return Number(ref reader, field);
    }

    private static double Number(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        // proto3 JSON writes doubles as strings too, including "NaN" and "Infinity".
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            switch (text)
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        throw new ApplicationJsonException(field, $"{field} must be a number");
    }
}
