using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>The deployment model must be one of a list (e.g. 3-star: public cloud only).</summary>
internal sealed class DeploymentCondition(string[] allowed) : Condition
{
    private readonly string _list = string.Join(", ", allowed);

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

    public override void Explain(EvaluationInput input, StringBuilder en, StringBuilder zh)
    {
        var passed = Evaluate(input, out _, out _);
        var actual = input.Deployment.Length == 0 ? "not declared" : input.Deployment;
        Clause(en, passed).Append($"deployment = {actual} (needs {_list})");
        Clause(zh, passed).Append($"部署方式 = {actual}（要求 {_list}）");
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        gaps.Add(new Gap(level, GapKinds.Deployment, "deployment", null, 0,
            $"deployment must be {_list}", $"部署方式须为 {_list}"));
}
