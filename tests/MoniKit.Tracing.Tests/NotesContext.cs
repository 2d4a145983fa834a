using Microsoft.EntityFrameworkCore;

namespace MoniKit.Tracing.Tests;

/// <summary>A one-table EF Core context for the interceptor's spans.</summary>
public sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}
