namespace MoniKit.Data.EntityFrameworkCore.Tests;

public sealed class Product
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? ApiToken { get; set; }
}
