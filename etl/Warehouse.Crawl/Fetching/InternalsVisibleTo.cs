using System.Runtime.CompilerServices;

// The address classes and the robots matcher are tested directly, each case by itself, where going
// through a real fetch could not reach them (a public name that resolves to 10.0.0.1, say).
[assembly: InternalsVisibleTo("Warehouse.Crawl.Tests")]
