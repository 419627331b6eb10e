using System.Collections;

namespace BusFlow.Testing;

/// <summary>Provider names shaped as xunit member data: one row of one argument each.</summary>
public sealed class TheoryProviders(params string[] providers) : IEnumerable<object[]>
{
    public IEnumerator<object[]> GetEnumerator() => providers.Select(p => new object[] { p }).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
