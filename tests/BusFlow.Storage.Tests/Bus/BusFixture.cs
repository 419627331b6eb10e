using BusFlow.Bus.Model;

namespace BusFlow.Storage.Tests.Bus;

/// <summary>The BUS records facet in a session of its own, on a <see cref="StoreFixture"/>.</summary>
internal static class BusFixture
{
    /// <summary>Runs <paramref name="work"/> on the facet of a session of its own and commits.</summary>
    public static async Task WriteBusAsync(this StoreFixture fixture, Action<IBusRecords> work)
    {
        await using var session = await fixture.Store.BeginAsync();
        work(session.Facet<IBusRecords>());
        await session.CommitAsync(default);
    }

    /// <summary>Reads through the facet of a fresh session, which is rolled back.</summary>
    public static async Task<T> ReadBusAsync<T>(this StoreFixture fixture, Func<IBusRecords, Task<T>> read)
    {
        await using var session = await fixture.Store.BeginAsync();
        return await read(session.Facet<IBusRecords>());
    }

    /// <summary>Asserts that every public property of <paramref name="actual"/> equals that of <paramref name="expected"/>.</summary>
    public static void AssertSameRecord<T>(T expected, T? actual)
        where T : class
    {
        Assert.NotNull(actual);
        foreach (var property in typeof(T).GetProperties())
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            switch (want)
            {
                case List<string> list:
                    Assert.Equal(list, (List<string>)got!);
                    break;
                case List<List<string>> slots:
                    Assert.Equal(slots, (List<List<string>>)got!);
                    break;
                default:
                    Assert.True(Equals(want, got), $"{typeof(T).Name}.{property.Name}: expected {want ?? "null"}, got {got ?? "null"}");
                    break;
            }
        }
    }
}
