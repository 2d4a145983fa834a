// The tests share temporary databases and capture logs per host: they run one at a time.
[assembly: DoNotParallelize]
