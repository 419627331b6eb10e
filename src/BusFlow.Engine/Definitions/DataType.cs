namespace BusFlow.Engine.Definitions;

/// <summary>The value types a definition's inputs, variables and activity properties can have.</summary>
public enum DataType
{
    Any,
    String,
    Number,
    Integer,
    Boolean,

    /// <summary>A local date, ISO "2026-04-01".</summary>
    Date,

    /// <summary>An instant, ISO "2026-04-01T06:00:00Z" or with an offset.</summary>
    DateTime,

    /// <summary>An ISO-8601 period, "P14D", "P1Y", "PT2H".</summary>
    Duration,

    /// <summary>A local time of day, "08:00".</summary>
    Time,

    List,
    Object,
}
