using System.Globalization;
using System.Resources;
using BusFlow.Bus.Agreements;
using BusFlow.Bus.Boards;
using BusFlow.Bus.Bodies;
using BusFlow.Bus.People;
using BusFlow.Web.Accounts;

namespace BusFlow.Host.Tests.Web;

/// <summary>
/// The forms find the text of a problem by its name ("AgreementProblem_" + problem): every problem the
/// domain can name has a sentence in Swedish and in English, so none shows up as a bare field name.
/// </summary>
public sealed class ProblemTextTests
{
    /// <summary>The web app's typed resources (Strings.resx, Strings.sv.resx), read by their base name.</summary>
    private static readonly ResourceManager Texts = new("BusFlow.Web.Resources.Strings", typeof(VisiblePeople).Assembly);

    public static TheoryData<string> Problems =>
    [
        .. Names<AgreementProblem>("AgreementProblem_"),
        .. Names<BodyProblem>("BodyProblem_"),
        .. Names<BoardProblem>("BoardProblem_"),
        .. Names<PersonProblem>("PersonProblem_"),
        .. Names<AssignmentProblem>("AssignmentProblem_"),
    ];

    [Theory]
    [MemberData(nameof(Problems))]
    public void Every_problem_a_form_can_show_has_a_sentence_in_Swedish_and_in_English(string name)
    {
        Assert.False(string.IsNullOrWhiteSpace(Text(CultureInfo.InvariantCulture)), $"{name} has no English text in Strings.resx");
        Assert.False(string.IsNullOrWhiteSpace(Text(CultureInfo.GetCultureInfo("sv"))), $"{name} has no Swedish text in Strings.sv.resx");

        string? Text(CultureInfo culture) =>
            Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(name);
    }

    private static IEnumerable<string> Names<TProblem>(string prefix)
        where TProblem : struct, Enum => Enum.GetNames<TProblem>().Select(n => prefix + n);
}
