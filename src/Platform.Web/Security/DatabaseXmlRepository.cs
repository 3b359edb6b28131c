using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Persistence;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>
/// Keeps data-protection keys in the platform's database, so a restart (or another web process) still reads the
/// sign-in cookies and antiforgery tokens issued before. The key manager calls this synchronously and rarely
/// (start-up, then about once a day), hence the synchronous EF calls.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<PlatformDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
