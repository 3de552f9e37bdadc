using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HireVet.Web.Reports;

/// <summary>Renders a Razor view to a string (a report document to hand to Chromium), with the same partials the
/// pages use, so the PDF and the printable page cannot drift apart.</summary>
public sealed class ViewRenderer(IRazorViewEngine engine, ITempDataProvider tempData)
{
    public async Task<string> RenderAsync<TModel>(HttpContext http, string viewPath, TModel model)
    {
        var actionContext = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success) throw new InvalidOperationException($"The view {viewPath} was not found.");
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
