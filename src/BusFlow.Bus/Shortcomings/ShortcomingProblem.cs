namespace BusFlow.Bus.Shortcomings;

public enum ShortcomingProblem
{
    Required,
    TooLong,

    /// <summary>Not a date written as yyyy-mm-dd.</summary>
    BadDate,

    /// <summary>A day after today: a shortcoming is reported once it has happened.</summary>
    InTheFuture,

    /// <summary>Not one of the agreement's parties.</summary>
    NotAParty,

    /// <summary>Not one of the severities offered.</summary>
    UnknownSeverity,
}
