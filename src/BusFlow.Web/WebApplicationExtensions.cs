using BusFlow.Web.Pages;

namespace BusFlow.Web;

public static class WebApplicationExtensions
{
    /// <summary>Who is signed in, the language of the request, then what they may reach; call after routing, before the endpoints.</summary>
    public static IApplicationBuilder UseBusFlowSignIn(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The pages of the web app, their style sheet, the JSON editor and its schema (open, as every static asset is).</summary>
    public static IEndpointRouteBuilder MapBusFlowWeb(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        endpoints.MapMethods(WebAssets.StyleSheetPath, ["GET", "HEAD"], WebAssets.StyleSheet).AllowAnonymous();
        endpoints.MapMethods(WebAssets.EditorScriptPath, ["GET", "HEAD"], WebAssets.EditorScript).AllowAnonymous();
        endpoints.MapMethods(WebAssets.WorkflowSchemaPath, ["GET", "HEAD"], WebAssets.WorkflowSchema).AllowAnonymous();
        return endpoints;
    }
}
