namespace BusFlow.Bus.Wheel;

/// <summary>What a mark on the annual wheel stands for.</summary>
public enum WheelEntryKind
{
    /// <summary>A meeting of the collaboration's body: the spring review or the autumn planning.</summary>
    CollaborationMeeting,

    /// <summary>A meeting in a party board's meeting plan.</summary>
    BoardMeeting,

    /// <summary>A day by which something must be in: the parties' reports, a round's decisions, a board's notice.</summary>
    Deadline,

    /// <summary>The boards' decision round on next year's priorities: a span.</summary>
    DecisionRound,

    /// <summary>The agreement's renewal, from its start to the agreement's last day: a span.</summary>
    Renewal,

    /// <summary>The Swedish general election: a day.</summary>
    Election,
}
