using Microsoft.EntityFrameworkCore;

namespace MoniKit.Data.EntityFrameworkCore.Tests;

public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
}
