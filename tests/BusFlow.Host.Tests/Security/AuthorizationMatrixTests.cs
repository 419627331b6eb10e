using System.Net;
using System.Net.Http.Json;
using BusFlow.Bus.Demo;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BusFlow.Host.Tests.Security;

/// <summary>
/// Every endpoint the app has, read from its endpoint data source, called by each kind of caller. An
/// endpoint without a row here fails the test, so the next endpoint cannot ship open by mistake.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixHost host) : IClassFixture<AuthorizationMatrixHost>
{
    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_its_rule_says()
    {
        var rows = Rows();
        var endpoints = Endpoints();
        Assert.Empty(endpoints.Where(e => !rows.ContainsKey(e)).Select(e => $"no rule for {e}"));
        Assert.Empty(rows.Keys.Where(k => !endpoints.Contains(k)).Select(k => $"a rule for {k}, which the app does not have"));

        var wrong = new List<string>();
        foreach (var (endpoint, row) in rows)
        {
            foreach (var (caller, expected) in row.Rule.Expectations)
            {
                using var response = await SendAsync(caller, endpoint, row);
                if (Verdict(response) != expected)
                {
                    wrong.Add($"{endpoint} as {caller}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_secretary_reads_her_own_boards_task_but_not_another_boards()
    {
        var secretary = host.Callers[Caller.SecretaryOfAnotherBoard].Http;

        var own = await secretary.GetAsync($"/api/tasks/{host.OwnBoardTask.Id}");
        var other = await secretary.GetAsync($"/api/tasks/{host.OtherBoardTask.Id}");
        var listed = await secretary.GetFromJsonAsync<List<BusFlow.Host.Api.Tasks.TaskResponse>>("/api/tasks?status=open&take=500", Support.RunningHost.Json);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains(listed!, t => t.Id == host.OwnBoardTask.Id);
        Assert.DoesNotContain(listed!, t => t.Id == host.OtherBoardTask.Id);
    }

    [Fact]
    public async Task A_secretary_downloads_a_document_of_her_boards_agreement_as_an_attachment_but_not_one_of_a_case_she_cannot_see()
    {
        var ownAgreement = Guid.NewGuid();
        var content = "%PDF-1.7\n% utkast\n%%EOF\n"u8.ToArray();
        await using (var session = await host.Host.Services.GetRequiredService<BusFlow.Engine.Persistence.IWorkflowStore>().BeginAsync(CancellationToken.None))
        {
            session.Facet<BusFlow.Engine.Documents.IDocuments>().Add(new BusFlow.Engine.Documents.StoredDocument
            {
                Id = ownAgreement,
                CaseKey = $"agreement/{DemoMunicipality.AgreementId}/test-{ownAgreement:N}",
                Kind = "draft-agreement",
                Version = 1,
                FileName = "utkast.pdf",
                ContentType = "application/pdf",
                Size = content.Length,
                Checksum = "0",
                UploadedBy = AuthorizationMatrixHost.AdministratorEmail,
                Content = content,
            });
            await session.CommitAsync(CancellationToken.None);
        }

        var secretary = host.Callers[Caller.SecretaryOfAnotherBoard].Http;

        using var own = await secretary.GetAsync($"/dokument/{ownAgreement}");
        using var other = await secretary.GetAsync($"/dokument/{host.OtherBoardDocumentId}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join("", own.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(content, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/konto/nekad", other.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_api_calls_get_a_401_problem_and_pages_a_redirect_to_sign_in()
    {
        var anonymous = host.Callers[Caller.Anonymous].Http;

        var api = await anonymous.GetAsync("/api/tasks");
        var page = await anonymous.GetAsync("/mina-uppgifter");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Sign in first", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/konto/logga-in?returnUrl=%2Fmina-uppgifter", page.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_request_that_matches_no_endpoint_gets_its_404_or_405_rather_than_a_sign_in()
    {
        var anonymous = host.Callers[Caller.Anonymous].Http;

        var unknown = await anonymous.GetAsync("/api/no-such-thing");
        var wrongMethod = await anonymous.DeleteAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(Caller caller, string endpoint, Row row)
    {
        var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
        using var request = new HttpRequestMessage(new HttpMethod(method), row.Path(host));
        if (row.Body is { } body)
        {
            request.Content = JsonContent.Create(body);
        }

        return await host.Callers[caller].Http.SendAsync(request);
    }

    /// <summary>How a response treats its caller: let through, or turned away (401/403, or a page's redirect to sign in or to "not allowed").</summary>
    private static Outcome Verdict(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Outcome.SignInFirst,
            HttpStatusCode.Redirect when location.Contains("/konto/logga-in", StringComparison.Ordinal) => Outcome.SignInFirst,
            HttpStatusCode.Forbidden => Outcome.Refused,
            HttpStatusCode.Redirect when location.Contains("/konto/nekad", StringComparison.Ordinal) => Outcome.Refused,
            _ => Outcome.Allowed,
        };
    }

    private HashSet<string> Endpoints()
    {
        var source = host.Host.Services.GetRequiredService<EndpointDataSource>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                keys.Add($"{method} {pattern}");
            }
        }

        return keys;
    }

    private static Dictionary<string, Row> Rows()
    {
        var nowhere = Guid.NewGuid();
        Row Fixed(Rule rule, string path, object? body = null) => new(rule, _ => path, body);
        return new(StringComparer.Ordinal)
        {
            // The API.
            ["GET /api/definitions/"] = Fixed(Rule.Reader, "/api/definitions"),
            ["GET /api/definitions/{id}"] = Fixed(Rule.Reader, "/api/definitions/bus-annual-cycle"),
            ["POST /api/instances/"] = Fixed(Rule.AdministratorChange, "/api/instances", new { definitionId = "no-such-workflow" }),
            ["GET /api/instances/"] = Fixed(Rule.Overseer, "/api/instances"),
            ["GET /api/instances/{id:guid}"] = new(Rule.Overseer, h => $"/api/instances/{h.InstanceId}"),
            ["POST /api/instances/{id:guid}/cancel"] = Fixed(Rule.AdministratorChange, $"/api/instances/{nowhere}/cancel", new { }),
            ["POST /api/instances/{id:guid}/retry"] = Fixed(Rule.AdministratorChange, $"/api/instances/{nowhere}/retry"),
            ["GET /api/instances/{id:guid}/journal"] = new(Rule.Overseer, h => $"/api/instances/{h.InstanceId}/journal"),
            ["POST /api/instances/{id:guid}/signals/{signal}"] = Fixed(Rule.AdministratorChange, $"/api/instances/{nowhere}/signals/meetingMoved", new { }),
            ["GET /api/tasks/"] = Fixed(Rule.Reader, "/api/tasks"),
            ["GET /api/tasks/{id:guid}"] = new(Rule.ScopedRead, h => $"/api/tasks/{h.OtherBoardTask.Id}"),
            ["POST /api/tasks/{id:guid}/complete"] = new(Rule.ScopedChange, h => $"/api/tasks/{h.OtherBoardTask.Id}/complete", new { outcome = "no-such-outcome" }),
            ["GET /api/outbox"] = Fixed(Rule.AdministratorRead, "/api/outbox"),
            ["POST /api/feeds/"] = Fixed(Rule.ScopedChange, "/api/feeds", new { subject = $"board:{DemoMunicipality.ChildrenAndYouthBoardId}" }),
            ["GET /api/feeds/"] = Fixed(Rule.ScopedRead, $"/api/feeds?subject=board:{DemoMunicipality.ChildrenAndYouthBoardId}"),
            ["GET /api/agreements/{id}/journal"] = Fixed(Rule.Reader, $"/api/agreements/{DemoMunicipality.AgreementId}/journal"),
            ["GET /api/agreements/{id}/journal.csv"] = Fixed(Rule.Reader, $"/api/agreements/{DemoMunicipality.AgreementId}/journal.csv"),
            ["GET /api/agreements/"] = Fixed(Rule.Reader, "/api/agreements"),
            ["GET /api/bodies/"] = Fixed(Rule.Reader, "/api/bodies"),
            ["GET /api/bodies/{id}"] = Fixed(Rule.Reader, $"/api/bodies/{DemoMunicipality.PresidiumId}"),
            ["POST /api/bodies/"] = Fixed(Rule.AdministratorChange, "/api/bodies", new { name = "" }),
            ["PUT /api/bodies/{id}"] = Fixed(Rule.AdministratorChange, $"/api/bodies/{DemoMunicipality.PresidiumId}", new { name = "" }),
            ["GET /api/agreements/{id}"] = Fixed(Rule.Reader, $"/api/agreements/{DemoMunicipality.AgreementId}"),
            ["POST /api/agreements/"] = Fixed(Rule.AdministratorChange, "/api/agreements", new { title = "" }),
            ["PUT /api/agreements/{id}"] = Fixed(Rule.AdministratorChange, $"/api/agreements/{DemoMunicipality.AgreementId}", new { title = "" }),
            ["POST /api/agreements/{id}/revisions"] = Fixed(Rule.AdministratorChange, $"/api/agreements/{DemoMunicipality.AgreementId}/revisions", new { note = "" }),
            ["POST /api/agreements/{id}/cycles/start"] = Fixed(Rule.AdministratorChange, "/api/agreements/no-such-agreement/cycles/start"),
            ["POST /api/agreements/{id}/cycles/stop"] = Fixed(Rule.AdministratorChange, $"/api/agreements/{DemoMunicipality.AgreementId}/cycles/stop", new { reason = "" }),
            ["GET /api/tokens/"] = Fixed(Rule.SignedIn, "/api/tokens"),
            ["POST /api/tokens/"] = Fixed(Rule.SessionChange, "/api/tokens", new { name = "", days = 0 }),
            ["POST /api/tokens/{id:guid}/revoke"] = Fixed(Rule.Change, $"/api/tokens/{nowhere}/revoke"),
            ["GET /api/audit"] = Fixed(Rule.AdministratorRead, "/api/audit"),
            ["GET /api/audit.csv"] = Fixed(Rule.AdministratorRead, "/api/audit.csv"),
            ["GET /api/users/"] = Fixed(Rule.AdministratorRead, "/api/users"),
            ["PUT /api/users/{id}/roles"] = Fixed(Rule.AdministratorChange, $"/api/users/{nowhere}/roles", new { roles = Array.Empty<string>() }),
            ["POST /api/users/{id}/disable"] = Fixed(Rule.AdministratorChange, $"/api/users/{nowhere}/disable"),
            ["POST /api/users/{id}/enable"] = Fixed(Rule.AdministratorChange, $"/api/users/{nowhere}/enable"),
            ["GET /api/boards/"] = Fixed(Rule.Reader, "/api/boards"),
            ["POST /api/boards/"] = Fixed(Rule.AdministratorChange, "/api/boards", new { organizationId = DemoMunicipality.OrganizationId, code = "" }),
            ["PUT /api/boards/{id}"] = Fixed(Rule.ScopedChange, $"/api/boards/{DemoMunicipality.ChildrenAndYouthBoardId}", new { code = "" }),
            ["GET /api/organizations"] = Fixed(Rule.Reader, "/api/organizations"),
            ["POST /api/organizations"] = Fixed(Rule.AdministratorChange, "/api/organizations", new { name = "" }),
            ["GET /api/boards/{id}/meetings"] = Fixed(Rule.Reader, $"/api/boards/{DemoMunicipality.SocialBoardId}/meetings?year=2027"),
            ["POST /api/boards/{id}/meetings"] = Fixed(Rule.ScopedChange, $"/api/boards/{DemoMunicipality.ChildrenAndYouthBoardId}/meetings", new { date = "2031-12-01", place = "Matrix" }),
            ["DELETE /api/boards/{id}/meetings/{meetingId:guid}"] = Fixed(Rule.ScopedChange, $"/api/boards/{DemoMunicipality.ChildrenAndYouthBoardId}/meetings/{nowhere}"),
            ["PUT /api/boards/{id}/meetings/{year:int}"] = Fixed(Rule.ScopedChange, $"/api/boards/{DemoMunicipality.ChildrenAndYouthBoardId}/meetings/2027"),
            ["GET /api/people/"] = Fixed(Rule.Reader, "/api/people"),
            ["GET /api/people/{id}"] = Fixed(Rule.Reader, "/api/people/anna.lindqvist"),
            ["POST /api/people/"] = Fixed(Rule.KeeperChange, "/api/people", new { name = "" }),
            ["PUT /api/people/{id}"] = Fixed(Rule.ScopedChange, "/api/people/henrik.alander", new { name = "" }),
            ["POST /api/people/{id}/assignments"] = Fixed(Rule.ScopedChange, "/api/people/oskar.lind/assignments",
                new { role = "member", boardId = DemoMunicipality.ChildrenAndYouthBoardId, from = "2031-02-01", until = "2031-01-01" }),
            ["PUT /api/assignments/{id:guid}"] = new(Rule.ScopedChange, h => $"/api/assignments/{h.OtherBoardAssignmentId}", new { from = "2031-02-01", until = "2031-01-01" }),
            ["DELETE /api/assignments/{id:guid}"] = new(Rule.ScopedChange, h => $"/api/assignments/{h.SpareAssignmentId}"),
            ["GET /api/boards/{id}/roles"] = Fixed(Rule.Reader, $"/api/boards/{DemoMunicipality.ChildrenAndYouthBoardId}/roles"),
            ["GET /openapi/{documentName}.json"] = Fixed(Rule.Reader, "/openapi/v1.json"),
            ["GET /openapi/"] = Fixed(Rule.AdministratorPage, "/openapi"),

            // Prometheus' scrape: administrators (by session or token); from BusFlow:Telemetry:MetricsAllowedFrom without
            // signing in, which this host leaves empty, so closed by default (the allowed address: MetricsTests).
            ["GET /metrics"] = Fixed(Rule.AdministratorRead, "/metrics"),
            ["HEAD /openapi/"] = Fixed(Rule.AdministratorPage, "/openapi"),

            // Open by design: a secret in the URL or the form is the credential; health; style sheets.
            ["GET /feeds/{secret}.ics"] = Fixed(Rule.Open, "/feeds/not-a-feed.ics"),
            ["HEAD /feeds/{secret}.ics"] = Fixed(Rule.Open, "/feeds/not-a-feed.ics"),
            ["GET /health"] = Fixed(Rule.Open, "/health"),
            ["GET /health/ready"] = Fixed(Rule.Open, "/health/ready"),
            ["GET /health/live"] = Fixed(Rule.Open, "/health/live"),
            ["GET /t/kod"] = Fixed(Rule.Open, "/t/kod"),
            ["HEAD /t/kod"] = Fixed(Rule.Open, "/t/kod"),
            ["POST /t/kod"] = Fixed(Rule.Open, "/t/kod"),
            ["POST /t/kod/svar"] = Fixed(Rule.Open, "/t/kod/svar"),
            ["POST /t/kod/bekrafta"] = Fixed(Rule.Open, "/t/kod/bekrafta"),
            ["GET /t/{secret}"] = Fixed(Rule.Open, "/t/not-a-link"),
            ["HEAD /t/{secret}"] = Fixed(Rule.Open, "/t/not-a-link"),
            ["POST /t/{secret}"] = Fixed(Rule.Open, "/t/not-a-link"),
            ["POST /t/{secret}/bekrafta"] = Fixed(Rule.Open, "/t/not-a-link/bekrafta"),

            // A document by link: the link is the credential (a wrong, expired or other case's link is refused: TaskLinkDocumentTests).
            ["GET /t/{secret}/dokument/{document:guid}"] = new(Rule.Open, h => $"/t/not-a-link/dokument/{h.OtherBoardDocumentId}"),
            ["GET /unsubscribe/{secret}"] = Fixed(Rule.Open, "/unsubscribe/not-a-link"),
            ["HEAD /unsubscribe/{secret}"] = Fixed(Rule.Open, "/unsubscribe/not-a-link"),
            ["POST /unsubscribe/{secret}"] = Fixed(Rule.Open, "/unsubscribe/not-a-link"),
            ["GET /avvikelse/{secret}"] = Fixed(Rule.Open, "/avvikelse/not-a-link"),
            ["HEAD /avvikelse/{secret}"] = Fixed(Rule.Open, "/avvikelse/not-a-link"),
            ["POST /avvikelse/{secret}"] = Fixed(Rule.Open, "/avvikelse/not-a-link"),
            ["GET /assets/busflow.css"] = Fixed(Rule.Open, "/assets/busflow.css"),
            ["HEAD /assets/busflow.css"] = Fixed(Rule.Open, "/assets/busflow.css"),
            ["GET /assets/web.css"] = Fixed(Rule.Open, "/assets/web.css"),
            ["HEAD /assets/web.css"] = Fixed(Rule.Open, "/assets/web.css"),
            ["GET /assets/editor.js"] = Fixed(Rule.Open, "/assets/editor.js"),
            ["HEAD /assets/editor.js"] = Fixed(Rule.Open, "/assets/editor.js"),
            ["GET /assets/workflow.schema.json"] = Fixed(Rule.Open, "/assets/workflow.schema.json"),
            ["HEAD /assets/workflow.schema.json"] = Fixed(Rule.Open, "/assets/workflow.schema.json"),
            ["GET /openapi/reference.js"] = Fixed(Rule.Open, "/openapi/reference.js"),
            ["HEAD /openapi/reference.js"] = Fixed(Rule.Open, "/openapi/reference.js"),
            ["GET /openapi/reference.css"] = Fixed(Rule.Open, "/openapi/reference.css"),
            ["HEAD /openapi/reference.css"] = Fixed(Rule.Open, "/openapi/reference.css"),

            // The web app's pages: sign-in and setup are open, the rest need a session.
            ["GET /konto/logga-in"] = Fixed(Rule.Open, "/konto/logga-in"),
            ["GET /konto/tvafaktor"] = Fixed(Rule.Open, "/konto/tvafaktor"),
            ["GET /konto/extern/{handler?}"] = Fixed(Rule.Open, "/konto/extern"),
            ["GET /konto/nekad"] = Fixed(Rule.NotAllowedPage, "/konto/nekad"),
            ["GET /installera/{secret}"] = Fixed(Rule.Open, "/installera/not-a-setup-link"),
            ["GET /"] = Fixed(Rule.Page, "/"),
            ["GET /konto"] = Fixed(Rule.Page, "/konto"),
            ["GET /konto/tvafaktor/aktivera"] = Fixed(Rule.Page, "/konto/tvafaktor/aktivera"),
            ["GET /konto/nycklar"] = Fixed(Rule.Page, "/konto/nycklar"),
            ["GET /konto/logga-ut"] = Fixed(Rule.Page, "/konto/logga-ut"),
            ["GET /mina-uppgifter"] = Fixed(Rule.Page, "/mina-uppgifter"),
            ["GET /mina-uppgifter/{id:guid}"] = new(Rule.ScopedPage, h => $"/mina-uppgifter/{h.OtherBoardTask.Id}"),
            ["GET /dokument/{id:guid}"] = new(Rule.OverseerPage, h => $"/dokument/{h.OtherBoardDocumentId}?uppgift={h.OtherBoardTask.Id}"),
            // The memo of a board's decision task: for those who see the task or the agreement (the secretary of
            // another board of the same municipality sees the agreement); proven in MemoPageTests.
            ["GET /mina-uppgifter/{id:guid}/tjansteskrivelse"] = new(Rule.ReaderPage, h => $"/mina-uppgifter/{h.OtherBoardTask.Id}/tjansteskrivelse"),
            ["GET /namnder"] = Fixed(Rule.ReaderPage, "/namnder"),
            ["GET /namnder/{id}"] = Fixed(Rule.ReaderPage, $"/namnder/{DemoMunicipality.ChildrenAndYouthBoardId}"),
            ["GET /overenskommelser"] = Fixed(Rule.ReaderPage, "/overenskommelser"),
            ["GET /organ"] = Fixed(Rule.ReaderPage, "/organ"),
            ["GET /organ/{id}"] = Fixed(Rule.ReaderPage, $"/organ/{DemoMunicipality.PresidiumId}"),
            ["GET /organ/ny"] = Fixed(Rule.AdministratorPage, "/organ/ny"),
            ["GET /organ/{id}/andra"] = Fixed(Rule.AdministratorPage, $"/organ/{DemoMunicipality.PresidiumId}/andra"),
            ["GET /overenskommelser/{id}"] = Fixed(Rule.ReaderPage, $"/overenskommelser/{DemoMunicipality.AgreementId}"),
            ["GET /overenskommelser/{id}/arshjul"] = Fixed(Rule.ReaderPage, $"/overenskommelser/{DemoMunicipality.AgreementId}/arshjul?ar=2027"),
            ["GET /overenskommelser/{id}/arshjul.{format:regex(^(svg|pdf)$)}"] = Fixed(Rule.ReaderPage, $"/overenskommelser/{DemoMunicipality.AgreementId}/arshjul.svg?ar=2027"),
            ["GET /overenskommelser/ny"] = Fixed(Rule.AdministratorPage, "/overenskommelser/ny"),
            ["GET /overenskommelser/{id}/andra"] = Fixed(Rule.AdministratorPage, $"/overenskommelser/{DemoMunicipality.AgreementId}/andra"),
            ["GET /overenskommelser/{id}/avvikelse"] = Fixed(Rule.ReaderPage, $"/overenskommelser/{DemoMunicipality.AgreementId}/avvikelse"),
            ["GET /overenskommelser/{id}/status/{round:guid?}"] = Fixed(Rule.ReaderPage, $"/overenskommelser/{DemoMunicipality.AgreementId}/status"),
            ["GET /overenskommelser/{id}/status/uppgift/{task:guid}"] = Fixed(Rule.AdministratorPage, $"/overenskommelser/{DemoMunicipality.AgreementId}/status/uppgift/{nowhere}"),
            ["GET /personer"] = Fixed(Rule.ReaderPage, "/personer"),
            ["GET /personer/{id}"] = Fixed(Rule.ReaderPage, "/personer/henrik.alander"),
            ["GET /granskning"] = Fixed(Rule.AdministratorPage, "/granskning"),
            ["GET /arbetsfloden/{id}/version/{version:int}"] = Fixed(Rule.AdministratorPage, "/arbetsfloden/example-approval/version/1"),
            ["GET /arbetsfloden/{id}/version/{version:int}/fil"] = Fixed(Rule.AdministratorPage, "/arbetsfloden/example-approval/version/1/fil"),
            ["GET /arbetsfloden/{id}/jamfor"] = Fixed(Rule.AdministratorPage, "/arbetsfloden/example-approval/jamfor"),
            ["GET /meddelandemallar"] = Fixed(Rule.AdministratorPage, "/meddelandemallar"),
            ["GET /meddelandemallar/{name}"] = Fixed(Rule.AdministratorPage, "/meddelandemallar/task-assigned"),
            ["GET /dokumentmallar/tjansteskrivelse"] = Fixed(Rule.AdministratorPage, "/dokumentmallar/tjansteskrivelse"),
            ["GET /instanser"] = Fixed(Rule.OverseerPage, "/instanser"),
            ["GET /instanser/{id:guid}"] = new(Rule.OverseerPage, h => $"/instanser/{h.InstanceId}"),
            ["GET /kommande"] = Fixed(Rule.OverseerPage, "/kommande"),
            ["GET /hangfire/{**path}"] = Fixed(Rule.AdministratorPage, "/hangfire"),
            ["GET /arbetsfloden"] = Fixed(Rule.AdministratorPage, "/arbetsfloden"),
            ["GET /arbetsfloden/utkast/{id:guid}"] = Fixed(Rule.AdministratorPage, $"/arbetsfloden/utkast/{nowhere}"),
            ["GET /arbetsfloden/utkast/{id:guid}/forhandsgranska"] = Fixed(Rule.AdministratorPage, $"/arbetsfloden/utkast/{nowhere}/forhandsgranska"),
            ["GET /arbetsfloden/{id}/starta"] = Fixed(Rule.AdministratorPage, "/arbetsfloden/meeting/starta"),
        };
    }

    public sealed record Row(Rule Rule, Func<AuthorizationMatrixHost, string> Path, object? Body = null);

    public enum Outcome
    {
        Allowed,
        SignInFirst,
        Refused,
    }

    /// <summary>What each caller should meet. The read-only token calls only the API: pages take no tokens.</summary>
    public sealed record Rule(string Name, IReadOnlyDictionary<Caller, Outcome> Expectations)
    {
        private const Outcome A = Outcome.Allowed;
        private const Outcome S = Outcome.SignInFirst;
        private const Outcome R = Outcome.Refused;

        public static readonly Rule Open = Of(nameof(Open), A, A, A, A, A);
        public static readonly Rule SignedIn = Of(nameof(SignedIn), S, A, A, A, A);
        public static readonly Rule Reader = Of(nameof(Reader), S, A, A, A, A);
        public static readonly Rule Overseer = Of(nameof(Overseer), S, A, R, A, A);
        public static readonly Rule ScopedRead = Of(nameof(ScopedRead), S, A, R, A, A);
        public static readonly Rule Change = Of(nameof(Change), S, A, A, A, R);
        public static readonly Rule ScopedChange = Of(nameof(ScopedChange), S, R, R, A, R);

        /// <summary>A change for those who keep records: administrators, and secretaries of any board (entering a person).</summary>
        public static readonly Rule KeeperChange = Of(nameof(KeeperChange), S, R, A, A, R);
        public static readonly Rule SessionChange = Of(nameof(SessionChange), S, R, R, A, R);
        public static readonly Rule AdministratorRead = Of(nameof(AdministratorRead), S, R, R, A, A);
        public static readonly Rule AdministratorChange = Of(nameof(AdministratorChange), S, R, R, A, R);
        public static readonly Rule Page = Of(nameof(Page), S, A, A, A, null);
        public static readonly Rule ReaderPage = Of(nameof(ReaderPage), S, A, A, A, null);
        public static readonly Rule ScopedPage = Of(nameof(ScopedPage), S, R, R, A, null);

        /// <summary>A page for those who read everything (administrators and viewers), as the API's Overseer endpoints.</summary>
        public static readonly Rule OverseerPage = Of(nameof(OverseerPage), S, A, R, A, null);
        public static readonly Rule AdministratorPage = Of(nameof(AdministratorPage), S, R, R, A, null);

        /// <summary>The page that says "not allowed" is open to all, and answers 403 to all: that is its message.</summary>
        public static readonly Rule NotAllowedPage = Of(nameof(NotAllowedPage), R, R, R, R, null);

        private static Rule Of(string name, Outcome anonymous, Outcome viewer, Outcome secretary, Outcome administrator, Outcome? readOnlyToken)
        {
            var expectations = new Dictionary<Caller, Outcome>
            {
                [Caller.Anonymous] = anonymous,
                [Caller.Viewer] = viewer,
                [Caller.SecretaryOfAnotherBoard] = secretary,
                [Caller.Administrator] = administrator,
            };
            if (readOnlyToken is { } token)
            {
                expectations[Caller.ReadOnlyToken] = token;
            }

            return new Rule(name, expectations);
        }

        public override string ToString() => Name;
    }
}
