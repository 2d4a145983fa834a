// Most of a template test's time is spent waiting: for a generated service to start, for Prometheus to scrape, for an
// alert to fire. Two test classes at a time overlap those waits; within a class, tests run in order.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.ClassLevel)]
