using MoniKitService;

var builder = WebApplication.CreateBuilder(args);
builder.AddMoniKit();
builder.AddDatabase();

var app = builder.Build();
app.UseMoniKit();
await Database.CreateSchemaAsync(app.Services);

app.MapProducts();

app.Run();

/// <summary>The entry point, public so that tests can host the service.</summary>
public partial class Program;
