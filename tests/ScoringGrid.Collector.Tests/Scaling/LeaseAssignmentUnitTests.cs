using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector.Tests.Scaling;

public class LeaseAssignmentUnitTests
{
    private static readonly string[] Targets = [.. Enumerable.Range(0, 30).Select(i => $"platform-{i:D2}")];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void EveryTargetGetsOneLiveMember_AndNoMemberMoreThanItsShare(int memberCount)
    {
        var members = Enumerable.Range(0, memberCount).Select(i => $"host-{100 + i}-a1b2c3").ToArray();

        var assignment = LeaseAssignment.Assign(members, Targets);

        Assert.Equal(Targets.Order(), assignment.Keys.Order());
        Assert.All(assignment.Values, m => Assert.Contains(m, members));
        var cap = (Targets.Length + memberCount - 1) / memberCount;
        var loads = members.Select(m => assignment.Values.Count(v => v == m)).ToArray();
        Assert.All(loads, load => Assert.InRange(load, Targets.Length - (cap * (memberCount - 1)), cap));
    }

    [Fact]
    public void SameMembersAndTargets_InAnyOrder_GiveTheSameAssignment()
    {
        string[] members = ["c", "a", "b"];

        var first = LeaseAssignment.Assign(members, Targets);
        var second = LeaseAssignment.Assign([.. members.Reverse()], [.. Targets.Reverse()]);

        Assert.Equal(first.OrderBy(p => p.Key), second.OrderBy(p => p.Key));
    }

    [Fact]
    public void AJoiningMember_TakesItsShare_MostOthersStay()
    {
        string[] three = ["a", "b", "c"];
        var before = LeaseAssignment.Assign(three, Targets);

        var after = LeaseAssignment.Assign([.. three, "d"], Targets);

        var toNew = after.Count(p => p.Value == "d");
        var moved = after.Count(p => p.Value != before[p.Key]);
        Assert.InRange(toNew, 7, 8);
        // Rebalancing needs at least the 7-8 for the new member; bounded load moves few others.
        Assert.InRange(moved, toNew, toNew + 8);
    }

    [Fact]
    public void NoMembers_AssignsNothing() => Assert.Empty(LeaseAssignment.Assign([], Targets));
}
