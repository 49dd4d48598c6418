using System.Numerics;
using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// How many items of some groups are ticked, or how many of their sub-classes are realised
/// (a sub-class is realised when at least one of its items is ticked).
/// </summary>
internal sealed class CountValue : ValueExpression, IGapWording
{
    private readonly ulong[] _mask;
    private readonly ulong[][]? _subclassMasks;
    private readonly int[] _itemIndices;
    private readonly string _text;
    private readonly string _textZh;
    private readonly byte[][] _itemIdsUtf8;
    private readonly byte[][] _subclassNamesUtf8;

    /// <param name="mask">All items counted, one bit per item index.</param>
    /// <param name="subclassMasks">When counting sub-classes: one mask per sub-class; null counts items.</param>
    /// <param name="subclassNames">Display name per sub-class (its items, or its id).</param>
    /// <param name="itemIndices">Items counted, in rule-set order (for gap candidates).</param>
    /// <param name="itemIds">Their ids.</param>
    /// <param name="text">Rule text, e.g. <c>ticked items of app</c>.</param>
    /// <param name="textZh">The same in Chinese.</param>
    public CountValue(ulong[] mask, ulong[][]? subclassMasks, string[] subclassNames, int[] itemIndices, string[] itemIds, string text, string textZh)
    {
        _textZh = textZh;
        _mask = mask;
        _subclassMasks = subclassMasks;
        _itemIndices = itemIndices;
        _text = text;
        _itemIdsUtf8 = Array.ConvertAll(itemIds, id => Encoding.UTF8.GetBytes(id));
        _subclassNamesUtf8 = Array.ConvertAll(subclassNames, name => Encoding.UTF8.GetBytes(name));
    }

    public override string Text => _text;

    public override string TextZh => _textZh;

    /// <summary>How many things can be counted at most ("all" thresholds).</summary>
    public int Capacity => _subclassMasks?.Length ?? _itemIndices.Length;

    public bool CountsSubclasses => _subclassMasks is not null;

    public override double Evaluate(EvaluationInput input)
    {
        var items = input.Items;
        if (_subclassMasks is null)
        {
            var count = 0;
            for (var w = 0; w < _mask.Length; w++)
            {
                count += BitOperations.PopCount(items[w] & _mask[w]);
            }

            return count;
        }

        var realised = 0;
        foreach (var sub in _subclassMasks)
        {
            for (var w = 0; w < sub.Length; w++)
            {
                if ((items[w] & sub[w]) != 0)
                {
                    realised++;
                    break;
                }
            }
        }

        return realised;
    }

    public override Gap GapTo(EvaluationInput input, string level, double current, double needed)
    {
        // The candidates are kept as bits (item or sub-class positions), worded only when the text is read or sent.
        if (_subclassMasks is null)
        {
            var missingItems = new ulong[(_itemIndices.Length + 63) / 64];
            for (var i = 0; i < _itemIndices.Length; i++)
            {
                if (!input.HasItem(_itemIndices[i]))
                {
                    missingItems[i / 64] |= 1UL << (i % 64);
                }
            }

            return new Gap(level, GapKinds.Items, _text, current, needed, this, missingItems);
        }

        var unrealised = new ulong[(_subclassMasks.Length + 63) / 64];
        for (var s = 0; s < _subclassMasks.Length; s++)
        {
            var sub = _subclassMasks[s];
            var realised = false;
            for (var w = 0; w < sub.Length && !realised; w++)
            {
                realised = (input.Items[w] & sub[w]) != 0;
            }

            if (!realised)
            {
                unrealised[s / 64] |= 1UL << (s % 64);
            }
        }

        return new Gap(level, GapKinds.Subclasses, _text, current, needed, this, unrealised);
    }

    void IGapWording.Write(Gap gap, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var missing = gap.Needed - gap.Current!.Value;
        if (_subclassMasks is null)
        {
            en.Append("tick "u8).AppendNumber(missing).Append(" more of: "u8);
            zh.Append("再勾选 "u8).AppendNumber(missing).Append(" 项："u8);
            List(gap.Members!, _itemIdsUtf8, ", "u8, en, zh);
            return;
        }

        en.Append("realise "u8).AppendNumber(missing).Append(missing == 1 ? " more sub-class"u8 : " more sub-classes"u8)
            .Append(" (tick one item of each) of: "u8);
        zh.Append("再实现 "u8).AppendNumber(missing).Append(" 个子类（每类勾选一项）："u8);
        List(gap.Members!, _subclassNamesUtf8, "; "u8, en, zh);
    }

    private static void List(ulong[] members, byte[][] names, ReadOnlySpan<byte> separator, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var first = true;
        for (var i = 0; i < names.Length; i++)
        {
            if ((members[i / 64] & (1UL << (i % 64))) == 0)
            {
                continue;
            }

            if (!first)
            {
                en.Append(separator);
                zh.Append(separator);
            }

            en.Append(names[i]);
            zh.Append(names[i]);
            first = false;
        }
    }
}
