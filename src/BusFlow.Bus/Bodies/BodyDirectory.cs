using BusFlow.Bus.Model;
using BusFlow.Bus.Rotation;
using BusFlow.Engine.Persistence;
using BusFlow.Engine.Time;
using NodaTime;

namespace BusFlow.Bus.Bodies;

/// <summary>Reads the collaboration bodies: each with its members on a day and its convener rotation ahead.</summary>
public sealed class BodyDirectory(IWorkflowStore store, IClock clock, EngineOptions engine)
{
    /// <summary>How many years of a rotation are shown: a mandate period's worth.</summary>
    public const int RotationYears = 4;

    public LocalDate Today => clock.GetCurrentInstant().InZone(engine.TimeZone).Date;

    public async Task<IReadOnlyList<CollaborationBody>> ListAsync(CancellationToken ct)
    {
        await using var session = await store.BeginAsync(ct);
        return [.. (await session.Facet<IBusRecords>().ListBodiesAsync(ct)).OrderBy(b => b.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The body with its members on <paramref name="on"/> (today when none is given); null when there is no such body.</summary>
    public async Task<BodyView?> FindAsync(string id, LocalDate? on, CancellationToken ct)
    {
        var day = on ?? Today;
        await using var session = await store.BeginAsync(ct);
        var records = session.Facet<IBusRecords>();
        if (await records.FindBodyAsync(id, ct) is not { } body)
        {
            return null;
        }

        var members = (await records.ListRoleHoldersAsync(body.Id, day, ct))
            .Select(m => new BodyMember(m.Person, m.Role))
            .OrderBy(m => m.Role.Role)
            .ThenBy(m => m.Person.Name, StringComparer.CurrentCulture)
            .ToList();
        var conveners = ConvenerRotation.From(body)?.Preview(day.Year, RotationYears) ?? [];
        return new BodyView(body, day, members, conveners);
    }
}
