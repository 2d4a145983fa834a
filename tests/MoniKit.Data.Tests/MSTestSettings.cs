// One environment variable test and one shared PostgreSQL cluster: the tests run one at a time.
[assembly: DoNotParallelize]
