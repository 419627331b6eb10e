namespace BusFlow.Bus.People;

public enum PersonProblem
{
    Required,
    TooLong,

    /// <summary>Not an address one can write to: one @, a name before it and a domain with a dot after it.</summary>
    BadEmail,

    /// <summary>Another person has the address (compared without case): reminders and links go by address.</summary>
    EmailTaken,

    /// <summary>Neither "sv" nor "en".</summary>
    BadLanguage,
}
