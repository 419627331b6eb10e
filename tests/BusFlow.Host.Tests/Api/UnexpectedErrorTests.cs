using System.Text.Json;
using BusFlow.Host.Api;
using BusFlow.Host.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BusFlow.Host.Tests.Api;

public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_that_shows_neither_its_message_nor_its_stack()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddBusFlowApi()
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ApiExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ApiExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, new InvalidOperationException("Password=secret at Npgsql.Internal"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("The server could not handle the request; the error was logged.", problem.GetProperty("detail").GetString());
    }
}
