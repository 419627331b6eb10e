namespace BusFlow.Bus.Shortcomings;

/// <summary>The words a follow-up's papers use for shortcomings, in Swedish and English.</summary>
public sealed class ShortcomingWords
{
    public static ShortcomingWords Swedish { get; } = new(
        "Inga brister i samverkan har rapporterats sedan {0}.",
        "Rapporterade brister i samverkan sedan {1}: {0}.",
        "• {0} ({1}): {2} – {3}",
        ["mindre allvarlig", "allvarlig", "mycket allvarlig"],
        ["rapporterad", "bedömd", "åtgärdad", "avslutad"]);

    public static ShortcomingWords English { get; } = new(
        "No shortcomings in the collaboration have been reported since {0}.",
        "Shortcomings in the collaboration reported since {1}: {0}.",
        "• {0} ({1}): {2} – {3}",
        ["minor", "serious", "critical"],
        ["reported", "assessed", "remedied", "closed"]);

    private readonly string[] _severities;
    private readonly string[] _states;

    private ShortcomingWords(string none, string heading, string line, string[] severities, string[] states)
    {
        None = none;
        Heading = heading;
        Line = line;
        _severities = severities;
        _states = states;
    }

    /// <summary>No shortcomings since {0}.</summary>
    public string None { get; }

    /// <summary>{0} shortcomings since {1}.</summary>
    public string Heading { get; }

    /// <summary>One shortcoming: {0} the day it happened, {1} its severity, {2} what happened, {3} its state.</summary>
    public string Line { get; }

    public string Severity(ShortcomingSeverity severity) => _severities[(int)severity];

    public string State(ShortcomingState state) => _states[(int)state];
}
