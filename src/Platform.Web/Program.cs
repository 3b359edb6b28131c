using Platform.Core;
using Platform.Web;
using Platform.Web.Database;
using Platform.Workers;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = WebRootLocator.Resolve(AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
});

// Without a configured server, this starts the embedded cluster; disposing stops it after the host has stopped.
await using var database = await PlatformDatabase.OpenAsync(builder.Configuration, builder.Environment.ContentRootPath);

builder.AddPlatformCore(database.ConnectionString);
builder.AddPlatformWorkers();
builder.AddPlatformWeb();

var app = builder.Build();
app.UsePlatformWeb();
await app.RunAsync();

public partial class Program;
