namespace BusFlow.Bus.Bodies;

public enum BodyProblem
{
    Required,
    TooLong,
    NoOrganization,
    NoAgreement,
    NoBoard,

    /// <summary>The board convenes in an earlier slot of the rotation already.</summary>
    BoardTwice,

    /// <summary>A start year was given for a rotation without slots.</summary>
    NoOrder,

    /// <summary>Slots were given without the year the first of them convenes.</summary>
    NoStartYear,
    YearOutOfRange,
}
