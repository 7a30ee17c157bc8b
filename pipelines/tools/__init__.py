"""Command-line tools: evaluation, benchmarks, fuzzing, gazetteer building."""
