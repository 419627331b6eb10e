using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using BusFlow.Accounts;
using BusFlow.Host.Api.Accounts;
using BusFlow.Host.Api.Instances;
using BusFlow.Host.Tests.Support;
using NodaTime;

namespace BusFlow.Host.Tests.Api.Accounts;

/// <summary>Personal API tokens as their owner meets them: made in a session, used as a Bearer header, revoked, expired.</summary>
public sealed class ApiTokenTests(AccountsHostFixture host) : IClassFixture<AccountsHostFixture>
{
    [Fact]
    public async Task A_token_made_in_a_session_shows_its_secret_once_and_the_list_shows_only_its_name_scopes_expiry_and_last_use()
    {
        using var session = await host.SessionAsync("tova@busflow.test", [AccountRoles.Viewer]);

        using var made = await session.Http.PostAsJsonAsync("/api/tokens", new { name = "  Rapportskript ", days = 30, scopes = new[] { "read" } });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var created = await made.ReadAsync<CreatedTokenResponse>();
        Assert.StartsWith("bft_", created.Secret, StringComparison.Ordinal);
        Assert.Equal($"/api/tokens/{created.Token.Id}", made.Headers.Location?.OriginalString);
        Assert.Equal("Rapportskript", created.Token.Name);
        Assert.Equal(["read"], created.Token.Scopes);
        Assert.Equal(host.Clock.GetCurrentInstant() + Duration.FromDays(30), created.Token.ExpiresAt);
        Assert.Null(created.Token.LastUsedAt);

        using var machine = host.ClientWith(created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/instances")).StatusCode);

        var listText = await session.Http.GetStringAsync("/api/tokens");
        Assert.DoesNotContain(created.Secret["bft_".Length..], listText, StringComparison.Ordinal);
        Assert.DoesNotContain(Sha256Base64Url(created.Secret), listText, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", listText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"hash\"", listText, StringComparison.OrdinalIgnoreCase);
        var listed = Assert.Single((await session.Http.GetFromJsonAsync<List<TokenResponse>>("/api/tokens", RunningHost.Json))!, t => t.Id == created.Token.Id);
        Assert.Equal("Rapportskript", listed.Name);
        Assert.Equal(["read"], listed.Scopes);
        Assert.Equal(created.Token.ExpiresAt, listed.ExpiresAt);
        Assert.Equal(host.Clock.GetCurrentInstant(), listed.LastUsedAt);
        Assert.Null(listed.RevokedAt);
    }

    [Fact]
    public async Task A_read_only_token_may_read_but_a_change_is_a_403_problem_and_changes_nothing()
    {
        using var administrator = await TestSessions.AdministratorAsync(host.Host);
        var token = await AccountsHostFixture.MakeTokenAsync(administrator, "Läsning", scope: "read");
        using var machine = host.ClientWith(token.Secret);
        var before = await CountInstancesAsync();

        using var read = await machine.GetAsync("/api/instances");
        using var change = await machine.PostAsJsonAsync("/api/instances", new { definitionId = "guarded", input = new { fail = false } });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await Problems.AssertAsync(change, HttpStatusCode.Forbidden, "scopes of its token");
        Assert.Equal(before, await CountInstancesAsync());
    }

    [Fact]
    public async Task A_revoked_token_gets_a_401_problem_on_its_next_request()
    {
        using var session = await host.SessionAsync("rut@busflow.test", [AccountRoles.Viewer]);
        var token = await AccountsHostFixture.MakeTokenAsync(session, "Kalender");
        using var machine = host.ClientWith(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/tokens")).StatusCode);

        using var revoke = await session.Http.PostAsync($"/api/tokens/{token.Token.Id}/revoke", null);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(host.Clock.GetCurrentInstant(), (await revoke.ReadAsync<TokenResponse>()).RevokedAt);
        using var refused = await machine.GetAsync("/api/tokens");
        await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_expired_token_gets_a_401_problem()
    {
        using var session = await host.SessionAsync("signe@busflow.test", [AccountRoles.Viewer]);
        var token = await AccountsHostFixture.MakeTokenAsync(session, "Ett dygn", days: 1);
        using var machine = host.ClientWith(token.Secret);
        host.Clock.Advance(Duration.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/tokens")).StatusCode);

        host.Clock.Advance(Duration.FromHours(1));

        await Problems.AssertAsync(await machine.GetAsync("/api/tokens"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_cannot_make_another_token()
    {
        using var session = await host.SessionAsync("vera@busflow.test", [AccountRoles.Viewer]);
        var token = await AccountsHostFixture.MakeTokenAsync(session, "Skrivande");
        using var machine = host.ClientWith(token.Secret);
        var before = await TokensOfAsync(session);

        using var response = await machine.PostAsJsonAsync("/api/tokens", new { name = "Barnbarn", days = 30, scopes = new[] { "write" } });

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden, "A token cannot make another token");
        Assert.Equal(before.Count, (await TokensOfAsync(session)).Count);
    }

    [Fact]
    public async Task Someone_elses_token_cannot_be_revoked_it_is_a_404_problem_and_the_token_keeps_working()
    {
        using var owner = await host.SessionAsync("ingrid@busflow.test", [AccountRoles.Viewer]);
        using var other = await host.SessionAsync("olle@busflow.test", [AccountRoles.Viewer]);
        var token = await AccountsHostFixture.MakeTokenAsync(owner, "Ingrids skript");

        using var response = await other.Http.PostAsync($"/api/tokens/{token.Token.Id}/revoke", null);

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, "You have no token");
        using var machine = host.ClientWith(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/tokens")).StatusCode);
        Assert.Null(Assert.Single(await TokensOfAsync(owner), t => t.Id == token.Token.Id).RevokedAt);
    }

    [Fact]
    public async Task The_database_keeps_only_the_hash_of_a_token_never_its_secret()
    {
        using var session = await host.SessionAsync("greta@busflow.test", [AccountRoles.Viewer]);
        var token = await AccountsHostFixture.MakeTokenAsync(session, "Hemligt");

        var cells = await ApiTokenCellsAsync();

        Assert.Contains(Sha256Base64Url(token.Secret), cells);
        Assert.DoesNotContain(cells, c => c.Contains(token.Secret["bft_".Length..], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", 30, "read", "$.name")]
    [InlineData("   ", 30, "read", "$.name")]
    [InlineData("Nattjobb", 0, "read", "$.days")]
    [InlineData("Nattjobb", 366, "read", "$.days")]
    [InlineData("Nattjobb", 30, "admin", "$.scopes")]
    public async Task A_token_asked_for_with_bad_input_is_a_422_problem_naming_the_field_and_nothing_is_made(string name, int days, string scope, string path)
    {
        using var session = await host.SessionAsync("hedvig@busflow.test", [AccountRoles.Viewer]);
        var before = await TokensOfAsync(session);

        using var response = await session.Http.PostAsJsonAsync("/api/tokens", new { name, days, scopes = new[] { scope } });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal([path], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        Assert.Equal(before.Count, (await TokensOfAsync(session)).Count);
    }

    [Fact]
    public async Task A_token_asked_for_without_a_body_is_a_400_problem()
    {
        using var session = await host.SessionAsync("hedvig@busflow.test", [AccountRoles.Viewer]);
        using var content = new StringContent("", Encoding.UTF8, "application/json");

        using var response = await session.Http.PostAsync("/api/tokens", content);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    private async Task<int> CountInstancesAsync() =>
        (await host.Administrator.GetFromJsonAsync<List<InstanceSummary>>("/api/instances?take=500", RunningHost.Json))!.Count;

    private static async Task<List<TokenResponse>> TokensOfAsync(SessionClient session) =>
        (await session.Http.GetFromJsonAsync<List<TokenResponse>>("/api/tokens", RunningHost.Json))!;

    /// <summary>Every value of every row of api_tokens, as text.</summary>
    private async Task<List<string>> ApiTokenCellsAsync()
    {
        await using var connection = host.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "select * from api_tokens";
        await using var reader = await command.ExecuteReaderAsync();
        var cells = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        return cells;
    }

    private static string Sha256Base64Url(string secret) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
