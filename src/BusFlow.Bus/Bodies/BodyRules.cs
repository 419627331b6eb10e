namespace BusFlow.Bus.Bodies;

/// <summary>What a body's particulars must be: a name, and a rotation that starts in a year people plan for.</summary>
public static class BodyRules
{
    public const int NameMaxLength = 200;

    /// <summary>Bounds a start year to what a collaboration plans for, so that a slip of the keyboard (20277) is caught.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2100;
}
