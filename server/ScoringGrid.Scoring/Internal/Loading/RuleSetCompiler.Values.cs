using ScoringGrid.Scoring.Internal.Evaluation;
using YamlDotNet.RepresentationModel;

namespace ScoringGrid.Scoring.Internal.Loading;

internal sealed partial class RuleSetCompiler
{
    /// <summary>Compiles the value named by the one value key of <paramref name="map"/>.</summary>
    private ValueExpression CompileValue(YamlMappingNode map)
    {
        if (_yaml.Optional(map, "figure") is { } figure)
        {
            var id = _yaml.Scalar(figure, "figure");
            return new FigureValue(FigureIndex(id, figure), id);
        }

        if (_yaml.Optional(map, "sum") is { } sum)
        {
            var ids = _yaml.Texts(sum, "sum");
            return new LinearValue(ids.Select(i => FigureIndex(i, sum)).ToArray(), ids.Select(_ => 1.0).ToArray(), string.Join(" + ", ids));
        }

        if (_yaml.Optional(map, "weighted") is { } weighted)
        {
            var terms = _yaml.Entries(_yaml.Mapping(weighted, "weighted")).ToArray();
            var coefficients = terms.Select(t => _yaml.Number(t.Value, $"coefficient of '{t.Key}'")).ToArray();
            var text = string.Join(" + ", terms.Select((t, i) => $"{Numbers.Format(coefficients[i])} × {t.Key}"));
            return new LinearValue(terms.Select(t => FigureIndex(t.Key, weighted)).ToArray(), coefficients, text);
        }

        if (_yaml.Optional(map, "count") is { } count)
        {
            return CompileCount(map, count);
        }

        if (_yaml.Optional(map, "items") is { } items)
        {
            var indices = _yaml.Texts(items, "items").Select(i => _items.TryGetValue(i, out var x) ? x : throw _yaml.Error(items, $"unknown item '{i}'")).ToArray();
            var list = string.Join(", ", indices.Select(i => _itemIds[i]));
            return Count(indices, null, $"ticked of [{list}]", $"[{list}] 中勾选项数");
        }

        if (_yaml.Optional(map, "const") is { } constant)
        {
            return new ConstantValue(_yaml.Number(constant, "const"));
        }

        throw _yaml.Error(map, "a value is one of: figure, sum, weighted, count, items, const");
    }

    private ValueExpression CompileCount(YamlMappingNode map, YamlNode count)
    {
        var groups = _yaml.Texts(count, "count").Select(g => _groups.TryGetValue(g, out var d) ? d : throw _yaml.Error(count, $"unknown item group '{g}'")).ToArray();
        var distinct = _yaml.OptionalText(map, "distinct");
        if (distinct.Length > 0 && distinct != "subclasses")
        {
            throw _yaml.Error(map, $"distinct must be 'subclasses', not '{distinct}'");
        }

        var indices = groups.SelectMany(g => g.Items).ToArray();
        var names = string.Join(" + ", groups.Select(g => g.Id));
        if (distinct.Length == 0)
        {
            return Count(indices, null, $"ticked items of {names}", $"{names} 勾选项数");
        }

        var subclasses = groups.SelectMany(g => g.Subclasses).ToArray();
        return Count(indices, subclasses, $"realised sub-classes of {names}", $"{names} 已实现子类数");
    }

    private CountValue Count(int[] indices, (string Name, int[] Items)[]? subclasses, string text, string textZh)
    {
        var mask = new ulong[ItemWords];
        foreach (var i in indices)
        {
            mask[i >> 6] |= 1UL << (i & 63);
        }

        ulong[][]? subclassMasks = null;
        if (subclasses is not null)
        {
            subclassMasks = new ulong[subclasses.Length][];
            for (var s = 0; s < subclasses.Length; s++)
            {
                subclassMasks[s] = new ulong[ItemWords];
                foreach (var i in subclasses[s].Items)
                {
                    subclassMasks[s][i >> 6] |= 1UL << (i & 63);
                }
            }
        }

        return new CountValue(mask, subclassMasks, subclasses?.Select(s => s.Name).ToArray() ?? [], indices,
            indices.Select(i => _itemIds[i]).ToArray(), text, textZh);
    }

    private int FigureIndex(string id, YamlNode at) =>
        _figures.TryGetValue(id, out var index) ? index : throw _yaml.Error(at, $"unknown figure '{id}'");
}
