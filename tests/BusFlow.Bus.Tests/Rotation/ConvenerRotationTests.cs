using BusFlow.Bus.Model;
using BusFlow.Bus.Rotation;

namespace BusFlow.Bus.Tests.Rotation;

public sealed class ConvenerRotationTests
{
    // Norrtälje's presidium meeting: KSON 2020, Barn- och skolnämnden & Utbildningsnämnden 2021, Socialnämnden 2022.
    private static readonly ConvenerRotation Norrtalje = new([["kson"], ["bsn", "un"], ["sn"]], 2020);

    [Theory]
    [InlineData(2020, new[] { "kson" })]
    [InlineData(2021, new[] { "bsn", "un" })]
    [InlineData(2022, new[] { "sn" })]
    [InlineData(2023, new[] { "kson" })]
    [InlineData(2024, new[] { "bsn", "un" })]
    [InlineData(2025, new[] { "sn" })]
    [InlineData(2026, new[] { "kson" })]
    public void The_convener_goes_round_in_the_agreed_order(int year, string[] boards) => Assert.Equal(boards, Norrtalje.ConvenerIn(year));

    [Theory]
    [InlineData(2019, new[] { "sn" })]
    [InlineData(2018, new[] { "bsn", "un" })]
    [InlineData(2017, new[] { "kson" })]
    [InlineData(2016, new[] { "sn" })]
    public void Years_before_the_start_go_backwards_round_the_cycle(int year, string[] boards) => Assert.Equal(boards, Norrtalje.ConvenerIn(year));

    [Fact]
    public void A_preview_lists_the_conveners_year_by_year()
    {
        var preview = Norrtalje.Preview(2025, 3);

        Assert.Equal([2025, 2026, 2027], preview.Select(t => t.Year));
        Assert.Equal(["sn"], preview[0].BoardIds);
        Assert.Equal(["kson"], preview[1].BoardIds);
        Assert.Equal(["bsn", "un"], preview[2].BoardIds);
        Assert.Empty(Norrtalje.Preview(2025, 0));
    }

    [Fact]
    public void A_body_with_a_rotation_gives_its_rotation()
    {
        var body = new CollaborationBody
        {
            Id = "presidie-bus",
            Name = "Presidiemöte BUS",
            Kind = BodyKind.PresidiumMeeting,
            RotationOrder = [["kson"], ["bsn", "un"], ["sn"]],
            RotationStartYear = 2020,
        };

        var rotation = ConvenerRotation.From(body);

        Assert.NotNull(rotation);
        Assert.Equal(["bsn", "un"], rotation.ConvenerIn(2024));
        Assert.Equal(2020, rotation.StartYear);
    }

    [Fact]
    public void The_rotation_keeps_its_order_when_the_body_is_changed_afterwards()
    {
        var body = new CollaborationBody { Id = "b", Name = "B", RotationOrder = [["kson"], ["sn"]], RotationStartYear = 2020 };
        var rotation = ConvenerRotation.From(body)!;

        body.RotationOrder[0][0] = "changed";
        body.RotationOrder.Add(["un"]);

        Assert.Equal(["kson"], rotation.ConvenerIn(2020));
        Assert.Equal(2, rotation.Order.Count);
    }

    [Fact]
    public void A_body_without_a_rotation_gives_none()
    {
        Assert.Null(ConvenerRotation.From(new CollaborationBody { Id = "styr", Name = "Styrgrupp BUS" }));
        Assert.Null(ConvenerRotation.From(new CollaborationBody { Id = "a", Name = "A", RotationOrder = [["sn"]] }));
        Assert.Null(ConvenerRotation.From(new CollaborationBody { Id = "b", Name = "B", RotationStartYear = 2020 }));
    }

    [Fact]
    public void A_rotation_without_slots_or_with_an_empty_slot_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ConvenerRotation([], 2020));
        Assert.Throws<ArgumentException>(() => new ConvenerRotation([["sn"], []], 2020));
        Assert.Throws<ArgumentException>(() => new ConvenerRotation([["sn", " "]], 2020));
    }
}
