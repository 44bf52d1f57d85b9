"""Benchmarks: timings live here, never in test asserts."""
