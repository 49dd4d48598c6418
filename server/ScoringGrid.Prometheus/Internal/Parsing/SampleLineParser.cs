namespace ScoringGrid.Prometheus.Internal.Parsing;

// `name[{labels}] value [timestamp]`, plus an OpenMetrics exemplar `# {labels} value [timestamp]`.
internal static class SampleLineParser
{
    public static bool Parse(ref LineCursor cursor, ParseState state)
    {
        var lineStart = cursor.Pos;
        var nameLength = cursor.ReadMetricName();
        if (nameLength == 0)
        {
            return state.Fail(cursor.Pos, $"invalid metric name: unexpected {SeriesText.Describe(cursor.Current)}");
        }

        var name = state.Interner.Intern(cursor.Body, lineStart, nameLength);
        var blankAfterName = cursor.SkipRequiredBlanks();
        if (!cursor.AtEnd && cursor.Current == (byte)'{')
        {
            if (!LabelSetParser.Parse(ref cursor, state))
            {
                state.Labels.Discard();
                return false;
            }

            cursor.SkipBlanks();
        }
        else if (!blankAfterName && !cursor.AtEnd)
        {
            return Discard(state, state.Fail(cursor.Pos, $"invalid metric name {SeriesText.Quote(cursor.Extent(lineStart, "{"u8))}"));
        }

        if (cursor.AtEnd)
        {
            return Discard(state, state.Fail(cursor.Pos, state.EndOf("before the sample value")));
        }

        var valueStart = cursor.Pos;
        var valueToken = cursor.ReadToken();
        if (!NumberParser.TryParseFloat(valueToken, out var value))
        {
            return Discard(state, state.Fail(valueStart, $"invalid sample value {SeriesText.Quote(valueToken)}"));
        }

        cursor.SkipBlanks();
        long? timestamp = null;
        if (!cursor.AtEnd && cursor.Current != (byte)'#')
        {
            var timestampStart = cursor.Pos;
            var token = cursor.ReadToken();
            var ok = state.IsOpenMetrics
                ? NumberParser.TryParseOpenMetricsTimestamp(token, out var ms)
                : NumberParser.TryParseTimestampMs(token, out ms);
            if (!ok)
            {
                var expected = state.IsOpenMetrics ? "float seconds" : "integer milliseconds";
                return Discard(state, state.Fail(timestampStart, $"invalid timestamp {SeriesText.Quote(token)} (expected {expected})"));
            }

            timestamp = ms;
            cursor.SkipBlanks();
        }

        if (!cursor.AtEnd)
        {
            if (!state.IsOpenMetrics || cursor.Current != (byte)'#')
            {
                return Discard(state, state.Fail(cursor.Pos, $"unexpected {SeriesText.Quote(cursor.Body[cursor.Pos..cursor.End])} after the sample"));
            }

            if (!ExemplarParser.Parse(ref cursor, state))
            {
                return Discard(state, false);
            }
        }

        return Record(state, name, value, timestamp, lineStart);
    }

    private static bool Record(ParseState state, string name, double value, long? timestamp, int lineStart)
    {
        var family = FamilyResolver.Resolve(state, name, lineStart);
        if (family is null)
        {
            return Discard(state, false);
        }

        if (state.IsOpenMetrics && family.SampleCount > 0 && !ReferenceEquals(family, state.CurrentFamily))
        {
            return Discard(state, state.Fail(lineStart, $"samples of {family.Name} are not grouped together (OpenMetrics forbids interleaving families)"));
        }

        state.CurrentFamily = family;
        if (!CheckStructuralLabel(state, family, name, lineStart))
        {
            return Discard(state, false);
        }

        if (state.Samples.Count >= state.Options.MaxSamples)
        {
            return Discard(state, state.Fail(lineStart, $"more than {state.Options.MaxSamples} samples (sample limit exceeded)"));
        }

        var labels = state.Labels.Commit();
        var index = state.Samples.Count;
        var earlier = state.Series.Add(name, labels.Span, state.Samples, index);
        if (earlier >= 0)
        {
            return state.Fail(lineStart, $"duplicate series {SeriesText.Format(name, labels.Span)}");
        }

        state.Samples.Add(new Sample(name, labels, value, timestamp, family));
        family.SampleCount++;
        return true;
    }

    // A histogram bucket needs a numeric `le`, a summary quantile a numeric `quantile`:
    // without them the family can not be read.
    private static bool CheckStructuralLabel(ParseState state, MetricFamily family, string name, int lineStart)
    {
        var suffix = name.AsSpan(family.Name.Length);
        var required = family.Type switch
        {
            MetricType.Histogram or MetricType.GaugeHistogram when suffix.SequenceEqual("_bucket") => "le",
            MetricType.Summary when suffix.IsEmpty => "quantile",
            _ => null,
        };

        if (required is null)
        {
            return true;
        }

        foreach (var label in state.Labels.Since(0))
        {
            if (label.Name == required)
            {
                return NumberParser.TryParseFloat(label.Value, out _)
                    || state.Fail(lineStart, $"invalid {required} value '{label.Value}' on {name}");
            }
        }

        return state.Fail(lineStart, $"{name} has no {required} label");
    }

    private static bool Discard(ParseState state, bool result)
    {
        state.Labels.Discard();
        return result;
    }
}
