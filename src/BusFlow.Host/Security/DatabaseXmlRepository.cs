using System.Xml.Linq;
using BusFlow.Storage;
using BusFlow.Storage.Security;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace BusFlow.Host.Security;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys in BusFlow's database, so an antiforgery token made by
/// one node is accepted by another (and by the same node after a restart).
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<BusFlowDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
