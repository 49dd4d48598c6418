using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Grpc.Tests.Grpc;

/// <summary>
/// <see cref="Utf8Fields"/> on well-known types that have every shape it walks: strings at the top, in
/// nested and repeated messages, in a oneof, as map keys and inside map values.
/// </summary>
public class Utf8FieldsUnitTests
{
    private const string Marker = "@@@@";

    public static TheoryData<string, IMessage> Cases => new()
    {
        { "name", new Api { Name = Marker, Version = "v1" } },
        { "methods[2].name", new Api { Name = "江苏", Methods = { new Method { Name = "a" }, new Method { Name = "b" }, new Method { Name = Marker } } } },
        { "source_context.file_name", new Api { SourceContext = new SourceContext { FileName = Marker } } },
        { "values[1].string_value", new ListValue { Values = { Value.ForString("ok"), Value.ForString(Marker) } } },
        { "fields", new Struct { Fields = { ["ok"] = Value.ForNumber(1), [Marker] = Value.ForNumber(2) } } },
        { "fields.city.string_value", new Struct { Fields = { ["city"] = Value.ForString(Marker) } } },
        { "fields.a.struct_value.fields.b.list_value.values[0].string_value", new Struct { Fields = { ["a"] = Value.ForStruct(new Struct { Fields = { ["b"] = Value.ForList(Value.ForString(Marker)) } }) } } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFirstStringThatIsNotUtf8_IsNamedByItsPath(string path, IMessage message)
    {
        var bytes = NotUtf8.InPlaceOf(message.ToByteArray(), Marker);

        Assert.Equal(path, Utf8Fields.FirstNotUtf8(bytes, message.Descriptor));
        Assert.Equal(path, Utf8Fields.FirstNotUtf8(new ReadOnlySequence<byte>(bytes), message.Descriptor));
        // The same message in UTF-8 has nothing to name.
        Assert.Null(Utf8Fields.FirstNotUtf8(message.ToByteArray(), message.Descriptor));
    }

    [Fact]
    public void BytesFieldsAndUnknownFields_AreNotText_AndAreNotLookedAt()
    {
        // Any's value is bytes; field 99 is unknown to Api.
        var any = new Any { TypeUrl = "t", Value = ByteString.CopyFrom(NotUtf8.Gbk) };
        Assert.Null(Utf8Fields.FirstNotUtf8(any.ToByteArray(), Any.Descriptor));

        byte[] unknown = [.. new Api { Name = "ok" }.ToByteArray(), 0x9A, 0x06, 4, .. NotUtf8.Gbk]; // field 99, length-delimited
        Assert.Equal("ok", Api.Parser.ParseFrom(unknown).Name);
        Assert.Null(Utf8Fields.FirstNotUtf8(unknown, Api.Descriptor));
    }

    [Fact]
    public void OfTwoBadStrings_TheFirstInTheBytesIsNamed()
    {
        var api = new Api { Name = Marker, Version = "####" };
        var bytes = NotUtf8.InPlaceOf(NotUtf8.InPlaceOf(api.ToByteArray(), Marker), "####");

        Assert.Equal("name", Utf8Fields.FirstNotUtf8(bytes, Api.Descriptor));
    }

    [Fact]
    public void TheMarshallerForRequests_RefusesWithInvalidArgument_NamingTheField()
    {
        var marshaller = Marshallers.CreateForRequests<Api>();
        var ok = marshaller.Deserializer(new ReadOnlySequence<byte>(new Api { Name = "江苏" }.ToByteArray()));
        Assert.Equal("江苏", ok.Name);

        var bad = NotUtf8.InPlaceOf(new Api { Methods = { new Method { Name = Marker } } }.ToByteArray(), Marker);
        var ex = Assert.Throws<RpcException>(() => marshaller.Deserializer(new ReadOnlySequence<byte>(bad)));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("methods[0].name is not valid UTF-8: protobuf strings must be UTF-8 (convert text in GBK or another encoding before sending)", ex.Status.Detail);

        // The plain marshaller, as clients use, decodes as Google.Protobuf does.
        Assert.Contains('\uFFFD', Marshallers.Create<Api>().Deserializer(new ReadOnlySequence<byte>(bad)).Methods[0].Name);
    }
}
