using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>The deployment model must be one of a list (e.g. 3-star: public cloud only).</summary>
internal sealed class DeploymentCondition(string[] allowed) : Condition
{
    private readonly string _list = string.Join(", ", allowed);
    private readonly byte[] _listUtf8 = Encoding.UTF8.GetBytes(string.Join(", ", allowed));

    public override string Text => $"deployment ∈ {{{_list}}}";

    public override string TextZh => $"部署方式为 {_list}";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        observed = required = double.NaN;
        foreach (var d in allowed)
        {
            if (string.Equals(d, input.Deployment, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var passed = Evaluate(input, out _, out _);
        var actual = input.Deployment.Length == 0 ? "not declared" : input.Deployment;
        Clause(en, passed).Append("deployment = "u8).Append(actual).Append(" (needs "u8).Append(_listUtf8).Append(")"u8);
        Clause(zh, passed).Append("部署方式 = "u8).Append(actual).Append("（要求 "u8).Append(_listUtf8).Append("）"u8);
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        gaps.Add(new Gap(level, GapKinds.Deployment, "deployment", null, 0, _gapText, _gapTextZh));

    private readonly string _gapText = $"deployment must be {string.Join(", ", allowed)}";
    private readonly string _gapTextZh = $"部署方式须为 {string.Join(", ", allowed)}";
}
