using Google.Protobuf.Reflection;
using ScoringGrid.Grpc.Server.Reflection.Internal;

namespace ScoringGrid.Grpc.Tests.Server.Reflection;

public class ReflectionIndexUnitTests
{
    private readonly ReflectionIndex _index = new([global::ScoringGrid.V1.ScoringReflection.Descriptor.Services[0]]);

    [Fact]
    public void FileContainingSymbol_ReturnsTheFileFirst_ThenEveryTransitiveDependencyOnce()
    {
        ReflectionAnswer answer = _index.FileContainingSymbol("scoringgrid.v1.Scoring");

        string[] names = answer.Files!.Select(f => FileDescriptorProto.Parser.ParseFrom(f).Name).ToArray();
        Assert.Equal("scoringgrid/v1/scoring.proto", names[0]);
        Assert.Contains("google/protobuf/struct.proto", names);
        Assert.Contains("scoringgrid/v1/application.proto", names);
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Fact]
    public void AllExtensionNumbers_KnownTypeHasNone_UnknownTypeIsNotFound()
    {
        Assert.Empty(_index.AllExtensionNumbers("google.protobuf.Struct").ExtensionNumbers!);
        Assert.Equal(StatusCode.NotFound, _index.AllExtensionNumbers("no.Such").ErrorCode);
    }

    [Fact]
    public void FileByFilename_UnknownFile_IsNotFound() =>
        Assert.Equal(StatusCode.NotFound, _index.FileByFilename("missing.proto").ErrorCode);
}
