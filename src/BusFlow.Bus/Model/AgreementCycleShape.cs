namespace BusFlow.Bus.Model;

/// <summary>The yearly meetings an agreement's collaboration holds.</summary>
public enum AgreementCycleShape
{
    /// <summary>Alingsås: a spring review of the past year and the present, and an autumn planning of the coming year.</summary>
    SpringAndAutumn,

    /// <summary>Norrtälje: the parties' presidia meet once a year, called by a convener that rotates among them.</summary>
    YearlyFollowUp,
}
