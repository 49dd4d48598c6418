using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Scoring.Wire;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests.Scoring;

/// <summary>
/// The direct reader against the reference: <c>EvaluateRequest.Parser</c> followed by
/// <see cref="ApplicationMapping.ToCore"/>. Every input must either fail both or give the same
/// application, view and mapping error.
/// </summary>
public sealed class EvaluateRequestReaderTests
{
    private static readonly RuleSetCatalog Catalog = RuleSetCatalog.LoadShipped();
    private static readonly string[] Ids = ["js-star-2019", "zj-cloud-enterprise-2021", "devices", "model_calls", "ops_team", "x", "设备", ""];

    [Fact]
    public void EveryShippedExample_InBothViews_ReadsAsTheParserAndMappingDo()
    {
        var files = Examples.Files.ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var app = Examples.ParseMessage(File.ReadAllText(file));
            foreach (var view in new[] { V1.ResultView.Unspecified, V1.ResultView.Full, V1.ResultView.Scores })
            {
                var outcome = AssertSameOutcome(new V1.EvaluateRequest { Application = app, View = view }.ToByteArray());
                Assert.True(outcome, file);
            }
        }
    }

    [Fact]
    public void ARequestWithoutApplication_HasNone_AndAnEmptyOneCounts()
    {
        var reader = new EvaluateRequestReader();
        Assert.True(reader.TryRead(new V1.EvaluateRequest { View = V1.ResultView.Scores }.ToByteArray(), out _));
        Assert.False(reader.HasApplication);
        Assert.Equal(V1.ResultView.Scores, reader.View);

        Assert.True(reader.TryRead([10, 0], out _));
        Assert.True(reader.HasApplication);
    }

    [Fact]
    public void RepeatedApplicationFields_Merge_AsTheParserMerges()
    {
        var first = new V1.EvaluateRequest { Application = new V1.Application { Id = "a", Ruleset = "js-star-2019", Items = { "i1" }, Figures = { ["devices"] = 1 } } };
        var second = new V1.EvaluateRequest { Application = new V1.Application { Deployment = "public", Items = { "i2" }, Figures = { ["devices"] = 2, ["x"] = 3 } } };
        var bytes = first.ToByteArray().Concat(second.ToByteArray()).ToArray();
        Assert.True(AssertSameOutcome(bytes));

        var reader = new EvaluateRequestReader();
        Assert.True(reader.TryRead(bytes, out _));
        Assert.Equal(["i1", "i2"], reader.Application.Items);
        Assert.Equal(2, reader.Application.Figures["devices"]);
        Assert.Equal("a", reader.Application.Id);
    }

    [Fact]
    public void ExpertScores_NumberListAndOtherKinds_GiveTheSameScoresOrTheSameError()
    {
        var cases = new[]
        {
            Value.ForNumber(7.5),
            Value.ForList(Value.ForNumber(1), Value.ForNumber(2)),
            Value.ForList(),
            Value.ForString("9"),
            Value.ForList(Value.ForNumber(1), Value.ForString("2")),
            Value.ForNull(),
            Value.ForBool(true),
            Value.ForStruct(new Struct { Fields = { ["a"] = Value.ForNumber(1) } }),
            new Value(),
        };
        for (var i = 0; i < cases.Length; i++)
        {
            var request = new V1.EvaluateRequest { Application = new V1.Application { Id = "e", ExpertScores = { ["line_a"] = Value.ForNumber(1), ["line_b"] = cases[i] } } };
            Assert.True(AssertSameOutcome(request.ToByteArray()), $"case {i}");
        }
    }

    [Fact]
    public void DeeplyNestedExpertLists_FailExactlyWhereTheParsersRecursionLimitFails()
    {
        // Every depth agrees, and the range crosses the limit (each list is two levels: Value and
        // ListValue): accepted at the bottom, refused at the top.
        var outcomes = new List<bool>();
        for (var depth = 35; depth <= 60; depth++)
        {
            var value = Value.ForNumber(1);
            for (var i = 0; i < depth; i++)
            {
                value = Value.ForList(value);
            }

            outcomes.Add(AssertSameOutcome(new V1.EvaluateRequest { Application = new V1.Application { ExpertScores = { ["deep"] = value } } }.ToByteArray()));
        }

        Assert.True(outcomes[0]);
        Assert.False(outcomes[^1]);
    }

    [Fact]
    public void DeeplyNestedUnknownGroups_FailExactlyWhereTheParserFails()
    {
        var outcomes = new List<bool>();
        for (var depth = 85; depth <= 110; depth++)
        {
            var group = new MemoryStream();
            var output = new CodedOutputStream(group);
            for (var i = 0; i < depth; i++)
            {
                output.WriteTag(500, WireFormat.WireType.StartGroup);
            }

            for (var i = 0; i < depth; i++)
            {
                output.WriteTag(500, WireFormat.WireType.EndGroup);
            }

            output.Flush();
            outcomes.Add(AssertSameOutcome(RequestBytes.Wrap(new V1.Application { Id = "g" }.ToByteArray().Concat(group.ToArray()).ToArray())));
        }

        Assert.True(outcomes[0]);
        Assert.False(outcomes[^1]);
    }

    [Fact]
    public void AStringThatIsNotUtf8_IsAnError_NamingTheField_WithAndWithoutTheIndexedPath()
    {
        const string Marker = "@@@@";
        var cases = new (string Field, Action<V1.Application> Set)[]
        {
            ("id", a => a.Id = Marker),
            ("ruleset", a => a.Ruleset = Marker),
            ("deployment", a => a.Deployment = Marker),
            ("platform_id", a => a.PlatformId = Marker),
            ("applicant.name", a => a.Applicant.Name = Marker),
            ("applicant.credit_code", a => a.Applicant.CreditCode = Marker),
            ("applicant.province", a => a.Applicant.Province = Marker),
            ("applicant.city", a => a.Applicant.City = Marker),
            ("applicant.industry", a => a.Applicant.Industry = Marker),
            ("applicant.provider", a => a.Applicant.Provider = Marker),
            ("items", a => a.Items.Add(Marker)),
            ("figures", a => a.Figures[Marker] = 1),
            ("flags", a => a.Flags[Marker] = true),
            ("dates", a => a.Dates[Marker] = "2020-01-01"),
            ("dates.founded", a => a.Dates["founded"] = Marker),
            ("expert_scores", a => a.ExpertScores[Marker] = Value.ForNumber(1)),
        };
        var reader = new EvaluateRequestReader();
        foreach (var (field, set) in cases)
        {
            var app = Examples.Message("js-star-2019");
            set(app);
            var bytes = NotUtf8.InPlaceOf(new V1.EvaluateRequest { Application = app }.ToByteArray(), Marker);
            foreach (var catalog in new[] { Catalog, null })
            {
                Assert.True(reader.TryRead(bytes, catalog, out var error), field);
                Assert.Equal(EvaluateRequestReader.NotUtf8(field), error);
            }
        }

        var error2 = EvaluateRequestReader.NotUtf8("applicant.name");
        Assert.Equal(ScoringErrorCodes.InvalidArgument, error2.Code);
        Assert.Equal("applicant.name is not valid UTF-8: protobuf strings must be UTF-8 (convert text in GBK or another encoding before sending)", error2.Message);

        // The same text in UTF-8 is read, on the indexed path.
        var good = Examples.Message("js-star-2019");
        good.Applicant.Name = "江苏";
        Assert.True(reader.TryRead(new V1.EvaluateRequest { Application = good }.ToByteArray(), Catalog, out var none));
        Assert.Null(none);
        Assert.NotNull(reader.Indexed);
    }

    [Fact]
    public void AStringThatIsNotUtf8_AndThenAnother_TheFirstIsNamed_AndTheNextReadIsClean()
    {
        var app = Examples.Message("js-star-2019");
        app.Applicant.Name = "@@@@";
        app.PlatformId = "####";
        var bytes = NotUtf8.InPlaceOf(NotUtf8.InPlaceOf(new V1.EvaluateRequest { Application = app }.ToByteArray(), "@@@@"), "####");

        var reader = new EvaluateRequestReader();
        Assert.True(reader.TryRead(bytes, Catalog, out var error));
        Assert.Equal("applicant.name", error!.Field); // applicant (field 3) comes before platform_id (field 10)

        Assert.True(reader.TryRead(new V1.EvaluateRequest { Application = Examples.Message("js-star-2019") }.ToByteArray(), Catalog, out error));
        Assert.Null(error);
    }

    [Fact]
    public void GeneratedRequests_ThreeThousand_ReadAsTheParserAndMappingDo()
    {
        var random = new Random(20261203);
        var accepted = 0;
        for (var i = 0; i < 3000; i++)
        {
            if (AssertSameOutcome(Generate(random)))
            {
                accepted++;
            }
        }

        // A few are refused by both: an "unknown" length-delimited field that reuses a known message
        // field's number carries text that is not a valid message.
        Assert.InRange(accepted, 2700, 3000);
    }

    [Fact]
    public void MutatedRequests_ThreeThousand_FailOrReadExactlyAsTheParserDoes()
    {
        var random = new Random(3122026);
        var failed = 0;
        for (var i = 0; i < 3000; i++)
        {
            var bytes = Generate(random).ToList();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations && bytes.Count > 0; m++)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.RemoveAt(at); break;
                    case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
            }

            if (!AssertSameOutcome([.. bytes]))
            {
                failed++;
            }
        }

        // Both ways are exercised: many mutations break the message, many leave it readable.
        Assert.InRange(failed, 300, 2700);
    }

    [Fact]
    public void Reuse_LeavesNothingOfThePreviousRequest()
    {
        var reader = new EvaluateRequestReader();
        var full = new V1.EvaluateRequest
        {
            View = V1.ResultView.Scores,
            Application = new V1.Application
            {
                Id = "full", Ruleset = "r", Deployment = "public", PlatformId = "p", Verify = true,
                Applicant = new V1.Applicant { Name = "n", CreditCode = "c", Province = "jiangsu", City = "c", Industry = "i", Provider = "p" },
                Items = { "a" }, Figures = { ["f"] = 1 }, Flags = { ["b"] = true }, Dates = { ["d"] = "2020-01-01" }, ExpertScores = { ["e"] = Value.ForNumber(1) },
            },
        };
        Assert.True(reader.TryRead(full.ToByteArray(), out _));
        Assert.True(reader.TryRead(new V1.EvaluateRequest { Application = new V1.Application() }.ToByteArray(), out _));
        AssertEqual(ApplicationMapping.ToCore(new V1.Application(), out _)!, reader.Application);
        Assert.Equal(V1.ResultView.Unspecified, reader.View);
    }

    // True when both accepted the bytes (and agreed on everything), false when both refused them.
    private static bool AssertSameOutcome(byte[] bytes)
    {
        V1.EvaluateRequest? message;
        try
        {
            message = V1.EvaluateRequest.Parser.ParseFrom(bytes);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or ArgumentException)
        {
            message = null;
        }

        var reader = new EvaluateRequestReader();
        var read = reader.TryRead(bytes, out var error);
        Assert.True(read == message is not null, $"parser {(message is null ? "refused" : "accepted")}, reader {(read ? "accepted" : "refused")}: {Convert.ToHexString(bytes)}");
        if (message is null)
        {
            return false;
        }

        Assert.Equal(message.View, reader.View);
        Assert.Equal(message.Application is not null, reader.HasApplication);
        if (message.Application is null)
        {
            return true;
        }

        // Google.Protobuf decodes a string that is not UTF-8 with U+FFFD; the reader names the field.
        if (FirstNotUtf8(bytes) is { } field)
        {
            Assert.Equal(EvaluateRequestReader.NotUtf8(field), error);
            return true;
        }

        var expected = ApplicationMapping.ToCore(message.Application, out var expectedError);
        Assert.Equal(expectedError?.Code, error?.Code);
        Assert.Equal(expectedError?.Field, error?.Field);
        Assert.Equal(expectedError?.Message, error?.Message);
        if (expected is not null)
        {
            AssertEqual(expected, reader.Application);
        }

        return true;
    }

    // The reference for strings that are not UTF-8, walked with Google.Protobuf's own reader: the first
    // string field of the application, in the order of the bytes, that the reader decodes and whose bytes
    // are not UTF-8. Scalars are checked at every occurrence, a map entry once (its last key, then for
    // dates its last value). Called only on bytes the parser accepted.
    private static string? FirstNotUtf8(byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        string? found = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var here = tag == 10 ? FirstNotUtf8InApplication(input.ReadBytes()) : Skip(input);
            found ??= here;
        }

        return found;
    }

    private static string? FirstNotUtf8InApplication(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        string? found = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var here = tag switch
            {
                10 => FieldIfNotUtf8(input.ReadBytes(), "id"),
                18 => FieldIfNotUtf8(input.ReadBytes(), "ruleset"),
                26 => FirstNotUtf8InApplicant(input.ReadBytes()),
                34 => FieldIfNotUtf8(input.ReadBytes(), "deployment"),
                42 => FieldIfNotUtf8(input.ReadBytes(), "items"),
                50 => NotUtf8InEntry(input.ReadBytes(), "figures"),
                58 => NotUtf8InEntry(input.ReadBytes(), "flags"),
                66 => NotUtf8InEntry(input.ReadBytes(), "dates"),
                74 => NotUtf8InEntry(input.ReadBytes(), "expert_scores"),
                82 => FieldIfNotUtf8(input.ReadBytes(), "platform_id"),
                _ => Skip(input),
            };
            found ??= here;
        }

        return found;
    }

    private static string? FirstNotUtf8InApplicant(ByteString bytes)
    {
        string[] fields = ["name", "credit_code", "province", "city", "industry", "provider"];
        var input = bytes.CreateCodedInput();
        string? found = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = (int)(tag >> 3);
            var here = (tag & 7) == 2 && number is >= 1 and <= 6 ? FieldIfNotUtf8(input.ReadBytes(), "applicant." + fields[number - 1]) : Skip(input);
            found ??= here;
        }

        return found;
    }

    private static string? NotUtf8InEntry(ByteString bytes, string map)
    {
        var input = bytes.CreateCodedInput();
        ByteString key = ByteString.Empty, value = ByteString.Empty;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case 10: key = input.ReadBytes(); break;
                case 18 when map == "dates": value = input.ReadBytes(); break;
                default: input.SkipLastField(); break;
            }
        }

        return FieldIfNotUtf8(key, map) ?? FieldIfNotUtf8(value, $"dates.{key.ToStringUtf8()}");
    }

    private static string? FieldIfNotUtf8(ByteString bytes, string field) => System.Text.Unicode.Utf8.IsValid(bytes.Span) ? null : field;

    private static string? Skip(CodedInputStream input)
    {
        input.SkipLastField();
        return null;
    }

    private static void AssertEqual(Application expected, Application actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.RuleSet, actual.RuleSet);
        Assert.Equal(expected.Deployment, actual.Deployment);
        Assert.Equal(expected.PlatformId, actual.PlatformId);
        Assert.Equal(expected.Verify, actual.Verify);
        Assert.Equal(expected.Applicant.Name, actual.Applicant.Name);
        Assert.Equal(expected.Applicant.CreditCode, actual.Applicant.CreditCode);
        Assert.Equal(expected.Applicant.Province, actual.Applicant.Province);
        Assert.Equal(expected.Applicant.City, actual.Applicant.City);
        Assert.Equal(expected.Applicant.Industry, actual.Applicant.Industry);
        Assert.Equal(expected.Applicant.Provider, actual.Applicant.Provider);
        Assert.Equal(expected.Items, actual.Items);
        // Same entries in the same order (the order decides which bad expert line an error names).
        Assert.Equal(expected.Figures.Select(Bits), actual.Figures.Select(Bits));
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected.Dates, actual.Dates);
        Assert.Equal(
            expected.ExpertScores.Select(e => (e.Key, string.Join(",", e.Value.Select(BitConverter.DoubleToInt64Bits)))),
            actual.ExpertScores.Select(e => (e.Key, string.Join(",", e.Value.Select(BitConverter.DoubleToInt64Bits)))));
    }

    private static (string, long) Bits(KeyValuePair<string, double> entry) => (entry.Key, BitConverter.DoubleToInt64Bits(entry.Value));


    // A request assembled field occurrence by field occurrence, in random order, with repeats
    // (later scalars win, maps replace, messages merge), unknown fields and hand-built map entries.
    private static byte[] Generate(Random random)
    {
        var chunks = new List<byte[]>();
        var fields = random.Next(0, 25);
        for (var f = 0; f < fields; f++)
        {
            chunks.Add(random.Next(14) switch
            {
                0 => new V1.Application { Id = Text(random) }.ToByteArray(),
                1 => new V1.Application { Ruleset = Pick(random) }.ToByteArray(),
                2 => new V1.Application { Applicant = new V1.Applicant { Name = Text(random), Province = Pick(random), Provider = Pick(random), CreditCode = Text(random) } }.ToByteArray(),
                3 => new V1.Application { Deployment = Pick(random) }.ToByteArray(),
                4 => new V1.Application { Items = { Pick(random), Pick(random) } }.ToByteArray(),
                5 => new V1.Application { Figures = { [Pick(random)] = Number(random) } }.ToByteArray(),
                6 => new V1.Application { Flags = { [Pick(random)] = random.Next(2) == 0 } }.ToByteArray(),
                7 => new V1.Application { Dates = { [Pick(random)] = Text(random) } }.ToByteArray(),
                8 => new V1.Application { ExpertScores = { [Pick(random)] = Expert(random, 3) } }.ToByteArray(),
                9 => new V1.Application { PlatformId = Text(random), Verify = random.Next(2) == 0 }.ToByteArray(),
                10 => Entry(random),
                11 => Unknown(random),
                12 => new V1.Application { Applicant = new V1.Applicant { City = Pick(random), Industry = Pick(random) } }.ToByteArray(),
                _ => new V1.Application { Verify = true }.ToByteArray(),
            });
        }

        var application = chunks.SelectMany(c => c).ToArray();
        var request = new List<byte>();
        switch (random.Next(4))
        {
            case 0:
                break; // no application at all
            case 1:
                // Split in two occurrences that the parser merges.
                var cut = SplitPoint(chunks, random);
                request.AddRange(RequestBytes.Wrap(chunks.Take(cut).SelectMany(c => c).ToArray()));
                request.AddRange(RequestBytes.Wrap(chunks.Skip(cut).SelectMany(c => c).ToArray()));
                break;
            default:
                request.AddRange(RequestBytes.Wrap(application));
                break;
        }

        if (random.Next(2) == 0)
        {
            request.AddRange(new V1.EvaluateRequest { View = (V1.ResultView)random.Next(0, 5) }.ToByteArray());
        }

        if (random.Next(4) == 0)
        {
            request.AddRange(Unknown(random));
        }

        return [.. request];
    }

    private static int SplitPoint(List<byte[]> chunks, Random random) => chunks.Count == 0 ? 0 : random.Next(chunks.Count + 1);

    // A figures entry written by hand: key or value missing, repeated, or with an unknown field.
    private static byte[] Entry(Random random)
    {
        var entry = new MemoryStream();
        var e = new CodedOutputStream(entry);
        if (random.Next(3) > 0)
        {
            e.WriteTag(1, WireFormat.WireType.LengthDelimited);
            e.WriteString(Pick(random));
        }

        if (random.Next(4) == 0)
        {
            e.WriteTag(9, WireFormat.WireType.Varint);
            e.WriteUInt64((ulong)random.NextInt64());
        }

        var values = random.Next(3);
        for (var v = 0; v < values; v++)
        {
            e.WriteTag(2, WireFormat.WireType.Fixed64);
            e.WriteDouble(Number(random));
        }

        if (random.Next(3) == 0)
        {
            e.WriteTag(1, WireFormat.WireType.LengthDelimited);
            e.WriteString(Pick(random));
        }

        e.Flush();
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(6, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(entry.ToArray()));
        output.Flush();
        return stream.ToArray();
    }

    // An unknown field of any wire type (including a field number the message knows, with the wrong wire type).
    private static byte[] Unknown(Random random)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        var field = random.Next(2) == 0 ? random.Next(1, 12) : random.Next(12, 5000);
        switch (random.Next(5))
        {
            case 0:
                output.WriteTag(field, WireFormat.WireType.Varint);
                output.WriteUInt64((ulong)random.NextInt64());
                break;
            case 1:
                output.WriteTag(field, WireFormat.WireType.Fixed64);
                output.WriteFixed64((ulong)random.NextInt64());
                break;
            case 2:
                output.WriteTag(field, WireFormat.WireType.Fixed32);
                output.WriteFixed32((uint)random.Next());
                break;
            case 3:
                output.WriteTag(field, WireFormat.WireType.StartGroup);
                output.WriteTag(field + 1, WireFormat.WireType.Varint);
                output.WriteUInt32(5);
                output.WriteTag(field, WireFormat.WireType.EndGroup);
                break;
            default:
                output.WriteTag(field, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(ByteString.CopyFrom(Encoding.UTF8.GetBytes(Text(random))));
                break;
        }

        output.Flush();
        return stream.ToArray();
    }

    private static Value Expert(Random random, int depth) => random.Next(depth > 0 ? 7 : 4) switch
    {
        0 or 1 => Value.ForNumber(Number(random)),
        2 => Value.ForString(Text(random)),
        3 => Value.ForBool(true),
        4 or 5 => Value.ForList(Enumerable.Range(0, random.Next(4)).Select(_ => Expert(random, depth - 1)).ToArray()),
        _ => Value.ForStruct(new Struct { Fields = { [Pick(random)] = Expert(random, depth - 1) } }),
    };

    private static string Pick(Random random) => Ids[random.Next(Ids.Length)];

    private static string Text(Random random) => random.Next(5) switch
    {
        0 => "",
        1 => "苏州齿轮厂-" + random.Next(1000),
        _ => "app-" + random.Next(100000),
    };

    private static double Number(Random random) => random.Next(8) switch
    {
        0 => -0.0,
        1 => double.NaN,
        2 => double.PositiveInfinity,
        3 => -5,
        _ => random.NextDouble() * 10000,
    };
}
