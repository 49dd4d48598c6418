using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ScoringGrid.Grpc.Server.Reflection.Internal;

/// <summary>
/// Lookup tables built once from the registered services: file by name, file by symbol (services,
/// methods, messages and enums at any nesting depth, fields), extensions by (type, number).
/// </summary>
internal sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldDescriptor>> _extensionsByType = new(StringComparer.Ordinal);

    public ReflectionIndex(IEnumerable<ServiceDescriptor> services)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (ServiceDescriptor service in services)
        {
            names.Add(service.FullName);
            AddFile(service.File);
        }

        ServiceNames = [.. names];
    }

    public IReadOnlyList<string> ServiceNames { get; }

    public ReflectionAnswer ListServices() => new() { Services = ServiceNames };

    public ReflectionAnswer FileByFilename(string name) =>
        _files.TryGetValue(name, out FileDescriptor? file)
            ? WithDependencies(file)
            : ReflectionAnswer.Error(StatusCode.NotFound, $"File '{name}' not found.");

    public ReflectionAnswer FileContainingSymbol(string symbol) =>
        _symbols.TryGetValue(symbol.TrimStart('.'), out FileDescriptor? file)
            ? WithDependencies(file)
            : ReflectionAnswer.Error(StatusCode.NotFound, $"Symbol '{symbol}' not found.");

    public ReflectionAnswer FileContainingExtension(string containingType, int number)
    {
        if (_extensionsByType.TryGetValue(containingType.TrimStart('.'), out List<FieldDescriptor>? extensions))
        {
            foreach (FieldDescriptor extension in extensions)
            {
                if (extension.FieldNumber == number)
                {
                    return WithDependencies(extension.File);
                }
            }
        }

        return ReflectionAnswer.Error(StatusCode.NotFound, $"Extension {number} of '{containingType}' not found.");
    }

    public ReflectionAnswer AllExtensionNumbers(string type)
    {
        string name = type.TrimStart('.');
        if (!_symbols.ContainsKey(name))
        {
            return ReflectionAnswer.Error(StatusCode.NotFound, $"Type '{type}' not found.");
        }

        var numbers = new List<int>();
        if (_extensionsByType.TryGetValue(name, out List<FieldDescriptor>? extensions))
        {
            foreach (FieldDescriptor extension in extensions)
            {
                numbers.Add(extension.FieldNumber);
            }
        }

        return new ReflectionAnswer { ExtensionBaseType = name, ExtensionNumbers = numbers };
    }

    private ReflectionAnswer WithDependencies(FileDescriptor file)
    {
        // The requested file first, then every transitive dependency once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ByteString>();
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            FileDescriptor next = pending.Pop();
            if (!seen.Add(next.Name))
            {
                continue;
            }

            result.Add(next.SerializedData);
            for (int i = next.Dependencies.Count - 1; i >= 0; i--)
            {
                pending.Push(next.Dependencies[i]);
            }
        }

        return new ReflectionAnswer { Files = result };
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (FileDescriptor dependency in file.Dependencies)
        {
            AddFile(dependency);
        }

        foreach (ServiceDescriptor service in file.Services)
        {
            _symbols.TryAdd(service.FullName, file);
            foreach (MethodDescriptor method in service.Methods)
            {
                _symbols.TryAdd(method.FullName, file);
            }
        }

        foreach (MessageDescriptor message in file.MessageTypes)
        {
            AddMessage(message);
        }

        foreach (EnumDescriptor enumType in file.EnumTypes)
        {
            _symbols.TryAdd(enumType.FullName, file);
        }

        AddExtensions(file.Extensions.UnorderedExtensions);
    }

    private void AddMessage(MessageDescriptor message)
    {
        _symbols.TryAdd(message.FullName, message.File);
        foreach (FieldDescriptor field in message.Fields.InDeclarationOrder())
        {
            _symbols.TryAdd(field.FullName, message.File);
        }

        foreach (MessageDescriptor nested in message.NestedTypes)
        {
            AddMessage(nested);
        }

        foreach (EnumDescriptor nestedEnum in message.EnumTypes)
        {
            _symbols.TryAdd(nestedEnum.FullName, message.File);
        }

        AddExtensions(message.Extensions.UnorderedExtensions);
    }

    private void AddExtensions(IList<FieldDescriptor> extensions)
    {
        foreach (FieldDescriptor extension in extensions)
        {
            string extendee = extension.ExtendeeType.FullName;
            if (!_extensionsByType.TryGetValue(extendee, out List<FieldDescriptor>? list))
            {
                list = [];
                _extensionsByType[extendee] = list;
            }

            list.Add(extension);
            _symbols.TryAdd(extension.FullName, extension.File);
        }
    }
}
