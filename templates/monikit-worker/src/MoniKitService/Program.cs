using MoniKitService;

var builder = Host.CreateApplicationBuilder(args);
builder.AddMoniKit();
builder.AddMoniKitJob<CleanupJob>(TimeSpan.FromMinutes(1));

builder.Build().Run();
