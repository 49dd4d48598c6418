using System.Numerics;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// How many items of some groups are ticked, or how many of their sub-classes are realised
/// (a sub-class is realised when at least one of its items is ticked).
/// </summary>
internal sealed class CountValue : ValueExpression
{
    private readonly ulong[] _mask;
    private readonly ulong[][]? _subclassMasks;
    private readonly string[] _subclassNames;
    private readonly int[] _itemIndices;
    private readonly string[] _itemIds;
    private readonly string _text;
    private readonly string _textZh;

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
        _subclassNames = subclassNames;
        _itemIndices = itemIndices;
        _itemIds = itemIds;
        _text = text;
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
        var missing = needed - current;
        var candidates = new List<string>();
        if (_subclassMasks is null)
        {
            for (var i = 0; i < _itemIndices.Length; i++)
            {
                if (!input.HasItem(_itemIndices[i]))
                {
                    candidates.Add(_itemIds[i]);
                }
            }

            var list = string.Join(", ", candidates);
            return new Gap(level, GapKinds.Items, _text, current, needed,
                $"tick {Numbers.Format(missing)} more of: {list}", $"再勾选 {Numbers.Format(missing)} 项：{list}");
        }

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
                candidates.Add(_subclassNames[s]);
            }
        }

        var subs = string.Join("; ", candidates);
        return new Gap(level, GapKinds.Subclasses, _text, current, needed,
            $"realise {Numbers.Format(missing)} more {(missing == 1 ? "sub-class" : "sub-classes")} (tick one item of each) of: {subs}",
            $"再实现 {Numbers.Format(missing)} 个子类（每类勾选一项）：{subs}");
    }
}
